namespace NicConsole.Web.Features.VxNets.Store;

public sealed record CreateVxNetsAction(string Name, int Count);
