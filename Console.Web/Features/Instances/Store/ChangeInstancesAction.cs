namespace NicConsole.Web.Features.Instances.Store;

/// <summary>Start, stop, restart or terminate servers (the change is the transition it begins).</summary>
public sealed record ChangeInstancesAction(IReadOnlyList<string> InstanceIds, Transition Change);
