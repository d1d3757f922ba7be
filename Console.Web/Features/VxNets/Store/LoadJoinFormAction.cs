namespace NicConsole.Web.Features.VxNets.Store;

public sealed record LoadJoinFormAction;
