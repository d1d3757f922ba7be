using NicConsole.Domain.Dashboard;

namespace NicConsole.Web.Features.Overview.Store;

public sealed record LoadOverviewSucceededAction(DashboardView Dashboard);
