using System.Globalization;
using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Operations.Store;

/// <summary>One page of the operation log, the query that produced it, and the entry open in the detail drawer.</summary>
[FeatureState]
public sealed record OperationsState : ListState<OperationLogEntry, OperationQuery>
{
    public OperationsState()
        : base(new OperationQuery())
    {
    }

    public OperationLogEntry? Detail { get; init; }

    public override string IdOf(OperationLogEntry item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
