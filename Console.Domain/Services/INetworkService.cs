using NicConsole.Domain.Common;
using NicConsole.Domain.Dashboard;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

/// <summary>
/// Every use case of the console and the API, and the only place their rules live. A refused request
/// returns its <see cref="DomainError"/> and changes nothing; an asynchronous one returns its job once the
/// reservation is committed.
/// </summary>
/// <remarks>
/// Roles and tenants: every method that changes state refuses a Viewer first (<see cref="OperationContext.ChangeRefusal"/>,
/// 1400, nothing read, changed or logged); reads are open to every role. A caller who is not an Admin sees and changes
/// only their tenant's resources (vxnet-0 is shared): another tenant's resource answers exactly as a missing one (2100).
/// New resources take the caller's tenant, a server's NICs the server's; a job and its log entries take the tenant of
/// the resources they change. The resources of one change must share a tenant (<see cref="DomainErrors.TenantMismatch"/>,
/// which only an Admin can meet).
/// </remarks>
public interface INetworkService
{
    Task<Result<Accepted>> CreateVpcsAsync(OperationContext context, string name, string? network = null, int routerType = 1, int count = 1, CancellationToken cancellationToken = default);

    /// <summary>Renames a VPC and, when <paramref name="dhcp"/> is given, changes one of its VxNets' DHCP settings: both or neither.</summary>
    Task<Result<string>> ModifyVpcAsync(OperationContext context, string vpcId, string? name, string? description, DhcpChange? dhcp = null, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> DeleteVpcsAsync(OperationContext context, IReadOnlyList<string> vpcIds, CancellationToken cancellationToken = default);

    Task<Result<IReadOnlyList<string>>> CreateVxNetsAsync(OperationContext context, string name, VxNetType type = VxNetType.Managed, int count = 1, CancellationToken cancellationToken = default);

    Task<Result<string>> ModifyVxNetAsync(OperationContext context, string vxNetId, string? name, string? description, CancellationToken cancellationToken = default);

    Task<Result<IReadOnlyList<string>>> DeleteVxNetsAsync(OperationContext context, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> JoinVpcAsync(OperationContext context, JoinVpc request, CancellationToken cancellationToken = default);

    /// <summary>Checks a join as the operator types it, changing nothing: the plan it would get, or why not.</summary>
    Task<Result<AddressPlan>> CheckJoinAsync(OperationContext context, JoinVpc request, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> LeaveVpcAsync(OperationContext context, string vpcId, IReadOnlyList<string> vxNetIds, CancellationToken cancellationToken = default);

    Task<Result<IReadOnlyList<NicAddress>>> RequestNicsAsync(OperationContext context, RequestNics request, CancellationToken cancellationToken = default);

    Task<Result<string>> ModifyNicAsync(OperationContext context, ModifyNic request, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> AttachNicsAsync(OperationContext context, IReadOnlyList<string> nicIds, string instanceId, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> DetachNicsAsync(OperationContext context, IReadOnlyList<string> nicIds, CancellationToken cancellationToken = default);

    Task<Result<IReadOnlyList<string>>> DeleteNicsAsync(OperationContext context, IReadOnlyList<string> nicIds, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> RunInstancesAsync(OperationContext context, RunInstances request, CancellationToken cancellationToken = default);

    Task<Result<string>> ModifyInstanceAsync(OperationContext context, string instanceId, string? name, string? description, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> StartInstancesAsync(OperationContext context, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> StopInstancesAsync(OperationContext context, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> RestartInstancesAsync(OperationContext context, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default);

    Task<Result<Accepted>> TerminateInstancesAsync(OperationContext context, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default);

    Task<Result<Page<VpcView>>> QueryVpcsAsync(OperationContext context, VpcQuery query, CancellationToken cancellationToken = default);

    Task<Result<Page<VxNetView>>> QueryVxNetsAsync(OperationContext context, VxNetQuery query, CancellationToken cancellationToken = default);

    Task<Result<Page<NicView>>> QueryNicsAsync(OperationContext context, NicQuery query, CancellationToken cancellationToken = default);

    Task<Result<Page<InstanceView>>> QueryInstancesAsync(OperationContext context, InstanceQuery query, CancellationToken cancellationToken = default);

    Task<Result<Page<Job>>> QueryJobsAsync(OperationContext context, JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// A job pending or working longer than <c>Jobs:StuckAfterSeconds</c> goes back to the queue for a worker to run
    /// again; any other job is refused.
    /// </summary>
    Task<Result<Accepted>> RetryJobAsync(OperationContext context, string jobId, CancellationToken cancellationToken = default);

    /// <summary>The zone at a glance: counts by status, the fullest VxNets and servers, jobs, latest changes, NIC activity per hour.</summary>
    Task<Result<DashboardView>> GetDashboardAsync(OperationContext context, CancellationToken cancellationToken = default);

    Task<Result<Page<OperationLogEntry>>> QueryOperationsAsync(OperationContext context, OperationQuery query, CancellationToken cancellationToken = default);

    // Exports: every row a list query selects, in its order, without its offset and limit; read as enumerated.
    Result<IAsyncEnumerable<VpcView>> ExportVpcs(OperationContext context, VpcQuery query);

    Result<IAsyncEnumerable<VxNetView>> ExportVxNets(OperationContext context, VxNetQuery query);

    Result<IAsyncEnumerable<NicView>> ExportNics(OperationContext context, NicQuery query);

    Result<IAsyncEnumerable<InstanceView>> ExportInstances(OperationContext context, InstanceQuery query);

    Result<IAsyncEnumerable<Job>> ExportJobs(OperationContext context, JobQuery query);

    Result<IAsyncEnumerable<OperationLogEntry>> ExportOperations(OperationContext context, OperationQuery query);

    /// <summary>A NIC's timeline from the operation log: created, attached (server, ethN), address changed, renamed, detached, failed jobs.</summary>
    Task<Result<NicTimeline>> GetNicTimelineAsync(OperationContext context, string nicId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The 256 addresses of a VxNet's /24, each reserved, used (by which NIC, on which server) or free. In vxnet-0 an
    /// address another tenant's NIC holds shows as used without naming the NIC or its server (<see cref="AddressHolder.IsOtherTenant"/>).
    /// </summary>
    Task<Result<AddressMap>> GetAddressMapAsync(OperationContext context, string vxNetId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks an address an operator is typing for a new NIC (none: just the suggestions), under the allocation rules;
    /// <paramref name="primary"/>: for a new server's eth0, which may also be in the basic network.
    /// </summary>
    Task<Result<AddressCheck>> CheckAddressAsync(OperationContext context, string vxNetId, string? privateIp, int suggestions = 5, bool primary = false, CancellationToken cancellationToken = default);
}
