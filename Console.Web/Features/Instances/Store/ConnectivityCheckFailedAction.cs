namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The check was refused (or failed); the message is in the operator's language.</summary>
public sealed record ConnectivityCheckFailedAction(string InstanceId, string Error);
