using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NicConsole.Domain.Persistence;

/// <summary>Keeps the model with tenant filters apart from the one without, per context type.</summary>
public sealed class TenantModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is ConsoleDbContext { Tenant: not null }, designTime);
}

public static class TenantModels
{
    /// <summary>
    /// What every <see cref="ConsoleDbContext"/>'s options need: a model per tenant scope (<see cref="TenantModelCacheKeyFactory"/>).
    /// Set with the options, not in <c>OnConfiguring</c>, which pooled contexts may not use to change them.
    /// </summary>
    public static T WithTenantModels<T>(this T options) where T : DbContextOptionsBuilder =>
        (T)options.ReplaceService<IModelCacheKeyFactory, TenantModelCacheKeyFactory>();
}
