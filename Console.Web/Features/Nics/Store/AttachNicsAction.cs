namespace NicConsole.Web.Features.Nics.Store;

public sealed record AttachNicsAction(IReadOnlyList<string> NicIds, string InstanceId);
