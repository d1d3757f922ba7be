using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>The VxNet as it is now (null once it is gone) and its address map.</summary>
public sealed record VxNetDetailLoadedAction(string VxNetId, VxNetView? VxNet, AddressMap? Map);
