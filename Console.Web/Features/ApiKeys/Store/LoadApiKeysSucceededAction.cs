using NicConsole.Domain.AccessKeys;

namespace NicConsole.Web.Features.ApiKeys.Store;

public sealed record LoadApiKeysSucceededAction(IReadOnlyList<AccessKey> Keys);
