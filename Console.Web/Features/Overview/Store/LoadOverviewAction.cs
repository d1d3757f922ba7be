namespace NicConsole.Web.Features.Overview.Store;

public sealed record LoadOverviewAction;
