namespace NicConsole.Tests.Support;

/// <summary>
/// One tenant's resources, each made through the use cases by an Operator of the tenant: a VPC with a joined VxNet,
/// a server in vxnet-0 (with <see cref="PrimaryNic"/>), an available NIC, an attached one, and the attach job.
/// </summary>
public sealed record TenantResources(
    string Tenant, string Vpc, string VxNet, string FreeVxNet, string Server, string PrimaryNic, string FreeNic, string AttachedNic, string Job)
{
    public IReadOnlyList<string> Ids => [Vpc, VxNet, FreeVxNet, Server, PrimaryNic, FreeNic, AttachedNic, Job];
}
