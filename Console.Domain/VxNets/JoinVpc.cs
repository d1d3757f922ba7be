using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.VxNets;

public sealed class JoinVpc(UseCaseServices services) : UseCase(services)
{
    /// <summary>Join a VxNet to a VPC with a /24; gateway and DHCP range default to .1 and .2-.254.</summary>
    public sealed record Request(
        string VxNetId,
        string VpcId,
        string IpNetwork,
        string? ManagerIp = null,
        string? DynIpStart = null,
        string? DynIpEnd = null,
        int Features = VxNet.DefaultFeatures);

    public Task<Result<Accepted>> RunAsync(OperationContext context, Request request, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            if (ZoneRefusal(context) is { } refusal)
            {
                return refusal;
            }
            var join = await JoinPlanning.PrepareAsync(db, context, request, cancellationToken);
            if (!join.Succeeded)
            {
                return join.Error!;
            }
            var (vxnet, vpc, plan, dynStart, dynEnd) = join.Value;
            var tenant = vpc.Tenant;
            var jobId = ResourceIds.NewJobId();
            vxnet.BeginJoin(request.VpcId, plan, dynStart, dynEnd, request.Features, jobId, Now);
            db.Bump(vpc);
            var spec = DataPlaneSpec.Of(routers: [new RouterSpec(vpc.Id, [Specs.Leg(vxnet)])]);
            return AddJob(db, context, tenant, jobId, JobAction.JoinRouter, [request.VxNetId, request.VpcId], new
            {
                vxnet = request.VxNetId,
                router = request.VpcId,
                ip_network = plan.Subnet.ToString(),
                manager_ip = plan.Gateway.ToString(),
                dyn_ip_start = dynStart.ToString(),
                dyn_ip_end = dynEnd.ToString(),
                features = request.Features,
            }, spec);
        }, cancellationToken);
}
