namespace NicConsole.Web.Features.Instances.Store;

public sealed record SelectInstancesAction(IReadOnlyCollection<string> InstanceIds);
