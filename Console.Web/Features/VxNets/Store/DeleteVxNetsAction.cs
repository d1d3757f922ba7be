namespace NicConsole.Web.Features.VxNets.Store;

public sealed record DeleteVxNetsAction(IReadOnlyList<string> VxNetIds);
