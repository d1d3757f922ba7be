namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>Opens the detail drawer on a VxNet, or reads the open one again.</summary>
public sealed record LoadVxNetDetailAction(string VxNetId);
