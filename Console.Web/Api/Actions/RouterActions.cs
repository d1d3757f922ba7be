using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Api.Actions;

/// <summary>VPCs, which the API calls routers.</summary>
public static class RouterActions
{
    public static void Register(IaasActions actions)
    {
        actions.Add("CreateRouters", CreateAsync);
        actions.Add("DescribeRouters", DescribeAsync);
        actions.Add("DeleteRouters", DeleteAsync);
        actions.Add("ModifyRouterAttributes", ModifyAsync);
        actions.Add("JoinRouter", JoinAsync);
        actions.Add("LeaveRouter", LeaveAsync);
        actions.Add("DescribeRouterVxnets", DescribeVxnetsAsync);
    }

    /// <summary>A router_set item; its <c>vxnets</c> only when asked for (verbose).</summary>
    private static Dictionary<string, object?> Item(VpcView v, IReadOnlyList<string>? vxnets)
    {
        var item = new Dictionary<string, object?>
        {
            ["router_id"] = v.Id,
            ["router_name"] = v.Name,
            ["description"] = v.Description,
            ["router_type"] = v.RouterType,
            ["vpc_network"] = v.Network.ToString(),
            ["private_ip"] = "",
            ["is_applied"] = 1,
            ["status"] = v.Status.ApiName(),
            ["transition_status"] = IaasJson.Transition(v.Transition),
            ["create_time"] = IaasJson.Time(v.CreateTime),
            ["status_time"] = IaasJson.Time(v.StatusTime),
            ["security_group_id"] = "",
        };
        if (vxnets is not null)
        {
            item["vxnets"] = vxnets.Select(id => new { vxnet_id = id, nic_id = "" }).ToList();
        }
        return item;
    }

    private static object VxnetItem(VxNetView x) => new
    {
        router_id = x.VpcId,
        vxnet_id = x.Id,
        vxnet_name = x.Name,
        manager_ip = x.Gateway.ToString(),
        ip_network = x.Subnet.ToString(),
        dyn_ip_start = x.DynIpStart.ToString(),
        dyn_ip_end = x.DynIpEnd.ToString(),
        features = x.Features,
        create_time = IaasJson.Time(x.JoinTime),
    };

    private static async Task<Dictionary<string, object?>> CreateAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var accepted = IaasRequest.Ok(await r.Use<CreateVpcs>().RunAsync(r.Context, p.Optional("router_name") ?? "", p.Optional("vpc_network"),
            p.Int("router_type", 1), p.Int("count", 1), r.CancellationToken));
        return new() { ["routers"] = accepted.ResourceIds, ["job_id"] = accepted.JobId };
    }

    private static async Task<Dictionary<string, object?>> DescribeAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var statuses = r.Filter<VpcStatus>("status", s => s.ApiName(), "poweroffed", "suspended");
        if (statuses is null || p.List("tags").Count > 0)
        {
            return IaasJson.Page("router_set", new Page<VpcView>([], 0), v => Item(v, null));
        }
        var query = new VpcQuery { Ids = p.List("routers"), Statuses = statuses, VxNetId = p.Optional("vxnet"), SearchWord = p.Optional("search_word"), Page = r.Page() };
        var page = IaasRequest.Ok(await r.Use<VpcQueries>().QueryAsync(r.Context, query, r.CancellationToken));
        List<VxNetView>? joined = null;
        if (p.Optional("verbose") == "1" && page.Items.Count > 0)
        {
            var vpcIds = page.Items.Select(v => v.Id).ToList();
            joined = await IaasRequest.AllAsync(paging => r.Use<VxNetQueries>().QueryAsync(r.Context, new VxNetQuery { VpcIds = vpcIds, Page = paging }, r.CancellationToken));
        }
        return IaasJson.Page("router_set", page, v => Item(v, joined?.Where(x => x.VpcId == v.Id).Select(x => x.Id).ToList()));
    }

    private static async Task<Dictionary<string, object?>> DeleteAsync(IaasRequest r)
    {
        var routers = r.Parameters.List("routers");
        var accepted = IaasRequest.Ok(await r.Use<DeleteVpcs>().RunAsync(r.Context, routers, r.CancellationToken));
        return new() { ["routers"] = routers, ["job_id"] = accepted.JobId };
    }

    private static async Task<Dictionary<string, object?>> ModifyAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var dhcp = p.Optional("vxnet") is { } vxnet
            ? new DhcpChange(vxnet, p.OptionalInt("features"), p.Optional("dyn_ip_start"), p.Optional("dyn_ip_end"))
            : null;
        IaasRequest.Ok(await r.Use<ModifyVpc>().RunAsync(r.Context, p.Required("router"), p.Optional("router_name"), p.Optional("description"), dhcp, r.CancellationToken));
        return [];
    }

    private static async Task<Dictionary<string, object?>> JoinAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var request = new JoinVpc.Request(p.Required("vxnet"), p.Required("router"), p.Required("ip_network"), p.Optional("manager_ip"),
            p.Optional("dyn_ip_start"), p.Optional("dyn_ip_end"), p.Int("features", VxNet.DefaultFeatures));
        var accepted = IaasRequest.Ok(await r.Use<JoinVpc>().RunAsync(r.Context, request, r.CancellationToken));
        return new() { ["router_id"] = request.VpcId, ["vxnet_id"] = request.VxNetId, ["job_id"] = accepted.JobId };
    }

    private static async Task<Dictionary<string, object?>> LeaveAsync(IaasRequest r)
    {
        var router = r.Parameters.Required("router");
        var vxnets = r.Parameters.List("vxnets");
        var accepted = IaasRequest.Ok(await r.Use<LeaveVpc>().RunAsync(r.Context, router, vxnets, r.CancellationToken));
        return new() { ["router_id"] = router, ["vxnets"] = vxnets, ["job_id"] = accepted.JobId };
    }

    private static async Task<Dictionary<string, object?>> DescribeVxnetsAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var router = p.Required("router");
        if (router != "*" && IaasRequest.Ok(await r.Use<VpcQueries>().QueryAsync(r.Context, new VpcQuery { Ids = [router] }, r.CancellationToken)).TotalCount == 0)
        {
            throw new IaasException(DomainErrors.VpcNotFound(router));
        }
        var query = new VxNetQuery
        {
            VpcIds = router == "*" ? [] : [router],
            OnlyInVpc = true,
            Ids = p.Optional("vxnet") is { } vxnet ? [vxnet] : [],
            Page = r.Page(),
        };
        return IaasJson.Page("router_vxnet_set", IaasRequest.Ok(await r.Use<VxNetQueries>().QueryAsync(r.Context, query, r.CancellationToken)), VxnetItem);
    }
}
