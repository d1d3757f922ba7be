namespace NicConsole.Web.Features.Nics.Store;

public sealed record DetachNicsAction(IReadOnlyList<string> NicIds);
