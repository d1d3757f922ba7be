using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Instances;

public sealed class ModifyInstance(UseCaseServices services) : UseCase(services)
{
    public Task<Result<string>> RunAsync(OperationContext context, string instanceId, string? name, string? description, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<string>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(name, description)) is { } refusal)
            {
                return refusal;
            }
            var instance = await LoadOneAsync(db.Instances, instanceId, DomainErrors.InstanceNotFound, context, cancellationToken);
            if (!instance.Succeeded)
            {
                return instance.Error!;
            }
            instance.Value.Modify(name, description);
            Log(db, context, instance.Value.Tenant, "ModifyInstanceAttributes", [instanceId], OperationResult.Succeeded, Changed(name, description));
            return instanceId;
        }, cancellationToken);
}
