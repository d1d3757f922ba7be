namespace NicConsole.Web.Features.Nics.Store;

public sealed record SelectNicsAction(IReadOnlyCollection<string> NicIds);
