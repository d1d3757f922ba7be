using System.Globalization;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Api.Actions;

public static class VxNetActions
{
    public static void Register(IaasActions actions)
    {
        actions.Add("CreateVxnets", CreateAsync);
        actions.Add("DescribeVxnets", DescribeAsync);
        actions.Add("DeleteVxnets", DeleteAsync);
        actions.Add("ModifyVxnetAttributes", ModifyAsync);
        actions.Add("DescribeVxnetInstances", DescribeInstancesAsync);
    }

    public static string TypeValue(VxNetType type) => ((int)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>A vxnet_set item; <c>router</c> is null outside a VPC, <c>instance_ids</c> only when asked for (verbose).</summary>
    private static Dictionary<string, object?> Item(VxNetView x, IReadOnlyList<string>? instanceIds)
    {
        var item = new Dictionary<string, object?>
        {
            ["vxnet_id"] = x.Id,
            ["vxnet_name"] = x.Name,
            ["vxnet_type"] = (int)x.Type,
            ["description"] = x.Description,
            ["create_time"] = IaasJson.Time(x.CreateTime),
            ["vpc_router_id"] = x.VpcId ?? "",
            ["available_ip_count"] = x.AvailableIpCount,
            ["router"] = x.VpcId is null || x.Subnet is null ? null : new
            {
                router_id = x.VpcId,
                router_name = x.VpcName ?? "",
                manager_ip = x.Gateway.ToString(),
                ip_network = x.Subnet.ToString(),
                dyn_ip_start = x.DynIpStart.ToString(),
                dyn_ip_end = x.DynIpEnd.ToString(),
                mode = 0,
            },
            ["tags"] = IaasJson.NoTags,
        };
        if (instanceIds is not null)
        {
            item["instance_ids"] = instanceIds;
        }
        return item;
    }

    private static async Task<Dictionary<string, object?>> CreateAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var typeText = p.Required("vxnet_type");
        if (!Enum.GetValues<VxNetType>().Any(t => TypeValue(t) == typeText))
        {
            throw new IaasException(DomainErrors.InvalidValue("vxnet_type", typeText));
        }
        var type = (VxNetType)int.Parse(typeText, CultureInfo.InvariantCulture);
        var ids = IaasRequest.Ok(await r.Use<CreateVxNets>().RunAsync(r.Context, p.Optional("vxnet_name") ?? "", type, p.Int("count", 1), r.CancellationToken));
        return new() { ["vxnets"] = ids };
    }

    private static async Task<Dictionary<string, object?>> DescribeAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var types = r.Filter<VxNetType>("vxnet_type", TypeValue);
        if (types is null || p.List("tags").Count > 0)
        {
            return IaasJson.Page("vxnet_set", new Page<VxNetView>([], 0), x => Item(x, null));
        }
        var query = new VxNetQuery { Ids = p.List("vxnets"), Types = types, SearchWord = p.Optional("search_word"), Page = r.Page() };
        var page = IaasRequest.Ok(await r.Use<VxNetQueries>().QueryAsync(r.Context, query, r.CancellationToken));
        List<NicView>? attached = null;
        if (p.Optional("verbose") == "1" && page.Items.Count > 0)
        {
            var vxNetIds = page.Items.Select(x => x.Id).ToList();
            attached = await IaasRequest.AllAsync(paging => r.Use<NicQueries>().QueryAsync(r.Context,
                new NicQuery { VxNetIds = vxNetIds, Statuses = [NicStatus.InUse], Page = paging }, r.CancellationToken));
        }
        return IaasJson.Page("vxnet_set", page, x => Item(x, attached?.Where(n => n.VxNetId == x.Id).Select(n => n.InstanceId!).Distinct().ToList()));
    }

    private static async Task<Dictionary<string, object?>> DeleteAsync(IaasRequest r)
    {
        var deleted = IaasRequest.Ok(await r.Use<DeleteVxNets>().RunAsync(r.Context, r.Parameters.List("vxnets"), r.CancellationToken));
        return new() { ["vxnets"] = deleted };
    }

    private static async Task<Dictionary<string, object?>> ModifyAsync(IaasRequest r)
    {
        var p = r.Parameters;
        IaasRequest.Ok(await r.Use<ModifyVxNet>().RunAsync(r.Context, p.Required("vxnet"), p.Optional("vxnet_name"), p.Optional("description"), r.CancellationToken));
        return [];
    }

    /// <summary>One item per NIC attached in the VxNet: the server's fields plus that NIC's address and sequence.</summary>
    private static async Task<Dictionary<string, object?>> DescribeInstancesAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var vxnet = p.Required("vxnet");
        if (IaasRequest.Ok(await r.Use<VxNetQueries>().QueryAsync(r.Context, new VxNetQuery { Ids = [vxnet] }, r.CancellationToken)).TotalCount == 0)
        {
            throw new IaasException(DomainErrors.VxNetNotFound(vxnet));
        }
        var statuses = r.Filter<InstanceStatus>("status", s => s.ApiName(), "suspended", "terminated", "ceased");
        IReadOnlyList<string> instanceIds = p.List("instances");
        if (statuses is null)
        {
            return IaasJson.Page("instance_set", new Page<object>([], 0), i => i);
        }
        if (statuses.Count > 0 || p.List("instance_type").Count > 0 || p.List("image").Count > 0)
        {
            var filter = new InstanceQuery { Ids = instanceIds, Statuses = statuses, InstanceTypes = p.List("instance_type"), ImageIds = p.List("image"), VxNetId = vxnet };
            var matching = await IaasRequest.AllAsync(paging => r.Use<InstanceQueries>().QueryAsync(r.Context, filter with { Page = paging }, r.CancellationToken));
            instanceIds = matching.Select(i => i.Id).ToList();
            if (instanceIds.Count == 0)
            {
                return IaasJson.Page("instance_set", new Page<object>([], 0), i => i);
            }
        }
        var nics = IaasRequest.Ok(await r.Use<NicQueries>().QueryAsync(r.Context,
            new NicQuery { VxNetIds = [vxnet], Statuses = [NicStatus.InUse], InstanceIds = instanceIds, Page = r.Page() }, r.CancellationToken));
        var servers = IaasRequest.Ok(await r.Use<InstanceQueries>().QueryAsync(r.Context,
            new InstanceQuery { Ids = nics.Items.Select(n => n.InstanceId!).Distinct().ToList(), Page = new(Limit: Limits.MaxPageSize) }, r.CancellationToken))
            .Items.ToDictionary(i => i.Id);
        return IaasJson.Page("instance_set", nics, n => InstanceActions.VxNetInstanceItem(servers[n.InstanceId!], n));
    }
}
