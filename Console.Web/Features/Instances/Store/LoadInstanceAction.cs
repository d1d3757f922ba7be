namespace NicConsole.Web.Features.Instances.Store;

public sealed record LoadInstanceAction(string InstanceId);
