using NicConsole.Domain.Nics;

namespace NicConsole.Web.Features.Nics.Store;

public sealed record RequestNicsAction(RequestNics.Request Request);
