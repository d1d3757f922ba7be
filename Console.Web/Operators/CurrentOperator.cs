using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Options;

namespace NicConsole.Web.Operators;

/// <summary>Who works in this circuit and in which zone; every use case the console runs carries it.</summary>
public sealed class CurrentOperator(IOptions<NetworkOptions> network)
{
    public const string DefaultUser = "console";

    public string Zone { get; set; } = network.Value.DefaultZone;

    public OperationContext Context => new(DefaultUser, Zone);
}
