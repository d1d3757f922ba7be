using NicConsole.Domain.Common;

namespace NicConsole.Domain.AccessKeys;

/// <summary>An active key's secret and the user it acts as, with that user's role and tenant.</summary>
public sealed record KeyOwner(string User, Role Role, string Tenant, string Secret);
