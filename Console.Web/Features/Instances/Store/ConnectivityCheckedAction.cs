using NicConsole.Domain.DataPlane;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record ConnectivityCheckedAction(string InstanceId, PingResult Result);
