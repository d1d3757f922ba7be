namespace NicConsole.Domain.Jobs;

/// <summary>A node's hold on one run of a job: only the node that took that attempt may renew or settle it.</summary>
public readonly record struct JobLease(string JobId, string Node, int Attempt);
