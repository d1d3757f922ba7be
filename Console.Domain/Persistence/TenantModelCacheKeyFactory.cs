using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NicConsole.Domain.Persistence;

/// <summary>Keeps the model with tenant filters apart from the one without, per context type.</summary>
public sealed class TenantModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is ConsoleDbContext { Tenant: not null }, designTime);
}
