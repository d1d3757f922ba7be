using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Api.Actions;

public static class NicActions
{
    public static void Register(IaasActions actions)
    {
        actions.Add("CreateNics", CreateAsync);
        actions.Add("DescribeNics", DescribeAsync);
        actions.Add("AttachNics", AttachAsync);
        actions.Add("DetachNics", DetachAsync);
        actions.Add("ModifyNicAttributes", ModifyAsync);
        actions.Add("DeleteNics", DeleteAsync);
    }

    public static object Item(NicView n) => new
    {
        nic_id = n.Id,
        nic_name = n.Name,
        description = n.Description,
        status = n.Status.ApiName(),
        transition_status = IaasJson.Transition(n.Transition),
        instance_id = n.InstanceId ?? "",
        vxnet_id = n.VxNetId,
        private_ip = n.PrivateIp.ToString(),
        role = (int)n.Role,
        sequence = n.Status == NicStatus.InUse ? n.Sequence ?? 0 : 0,
        security_group = "",
        owner = n.Owner,
        create_time = IaasJson.Time(n.CreateTime),
        status_time = IaasJson.Time(n.StatusTime),
        tags = IaasJson.NoTags,
    };

    private static async Task<Dictionary<string, object?>> CreateAsync(IaasRequest r)
    {
        var p = r.Parameters;
        if (p.Optional("disable_ip") is { } disable && disable != "0")
        {
            throw new IaasException(DomainErrors.InvalidValue("disable_ip", disable));
        }
        var request = new RequestNics.Request(p.Required("vxnet"), p.Optional("nic_name") ?? "", p.Int("count", 1), p.List("private_ips"));
        var nics = IaasRequest.Ok(await r.Use<RequestNics>().RunAsync(r.Context, request, r.CancellationToken));
        return new() { ["nics"] = nics.Select(n => new { nic_id = n.NicId, private_ip = n.PrivateIp.ToString() }).ToList() };
    }

    private static async Task<Dictionary<string, object?>> DescribeAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var statuses = r.Filter<NicStatus>("status", s => s.ApiName());
        var types = r.Filter<VxNetType>("vxnet_type", t => ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (statuses is null || types is null)
        {
            return IaasJson.Page("nic_set", new Page<NicView>([], 0), Item);
        }
        var query = new NicQuery
        {
            Ids = p.List("nics"),
            Statuses = statuses,
            VxNetIds = p.List("vxnets"),
            VxNetTypes = types,
            InstanceIds = p.List("instances"),
            Name = p.Optional("nic_name"),
            SearchWord = p.Optional("search_word"),
            Page = r.Page(),
        };
        return IaasJson.Page("nic_set", IaasRequest.Ok(await r.Use<NicQueries>().QueryAsync(r.Context, query, r.CancellationToken)), Item);
    }

    private static async Task<Dictionary<string, object?>> AttachAsync(IaasRequest r)
    {
        var instance = r.Parameters.Optional("instance") ?? r.Parameters.Required("instance_id");
        var accepted = IaasRequest.Ok(await r.Use<AttachNics>().RunAsync(r.Context, r.Parameters.List("nics"), instance, r.CancellationToken));
        return new() { ["job_id"] = accepted.JobId };
    }

    private static async Task<Dictionary<string, object?>> DetachAsync(IaasRequest r)
    {
        var accepted = IaasRequest.Ok(await r.Use<DetachNics>().RunAsync(r.Context, r.Parameters.List("nics"), r.CancellationToken));
        return new() { ["job_id"] = accepted.JobId };
    }

    private static async Task<Dictionary<string, object?>> ModifyAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var request = new ModifyNic.Request(p.Required("nic"), p.Optional("nic_name"), p.Optional("description"), p.Optional("private_ip"), p.Optional("vxnet"));
        IaasRequest.Ok(await r.Use<ModifyNic>().RunAsync(r.Context, request, r.CancellationToken));
        return [];
    }

    private static async Task<Dictionary<string, object?>> DeleteAsync(IaasRequest r)
    {
        var deleted = IaasRequest.Ok(await r.Use<DeleteNics>().RunAsync(r.Context, r.Parameters.List("nics"), r.CancellationToken));
        return new() { ["nics"] = deleted };
    }
}
