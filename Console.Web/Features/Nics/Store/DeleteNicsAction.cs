namespace NicConsole.Web.Features.Nics.Store;

public sealed record DeleteNicsAction(IReadOnlyList<string> NicIds);
