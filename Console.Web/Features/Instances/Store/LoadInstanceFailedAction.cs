namespace NicConsole.Web.Features.Instances.Store;

public sealed record LoadInstanceFailedAction(string InstanceId, string Error);
