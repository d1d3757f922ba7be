namespace NicConsole.Web.Features.Instances.Store;

public sealed record LoadInstancesFailedAction(string Error);
