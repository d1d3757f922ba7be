namespace NicConsole.Web.Features.Instances.Store;

public sealed record CheckConnectivityAction(string InstanceId, string Target, string? NicId = null);
