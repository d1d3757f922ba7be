using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Api.Actions;

public static class InstanceActions
{
    private static readonly string[] NeverHeld = ["suspended", "terminated", "ceased"];

    public static void Register(IaasActions actions)
    {
        actions.Add("RunInstances", RunAsync);
        actions.Add("DescribeInstances", DescribeAsync);
        actions.Add("StartInstances", r => ChangeAsync(r, r.Use<StartInstances>().RunAsync));
        actions.Add("StopInstances", r => ChangeAsync(r, r.Use<StopInstances>().RunAsync));
        actions.Add("RestartInstances", r => ChangeAsync(r, r.Use<RestartInstances>().RunAsync));
        actions.Add("TerminateInstances", r => ChangeAsync(r, r.Use<TerminateInstances>().RunAsync));
    }

    private static Dictionary<string, object?> Fields(InstanceView i) => new()
    {
        ["instance_id"] = i.Id,
        ["instance_name"] = i.Name,
        ["description"] = i.Description,
        ["image_id"] = i.ImageId,
        ["instance_type"] = i.InstanceType,
        ["vcpus_current"] = i.Cpu,
        ["memory_current"] = i.Memory,
        ["status"] = i.Status.ApiName(),
        ["transition_status"] = IaasJson.Transition(i.Transition),
        ["create_time"] = IaasJson.Time(i.CreateTime),
        ["status_time"] = IaasJson.Time(i.StatusTime),
    };

    /// <summary>
    /// An instance_set item with one <c>vxnets</c> entry per NIC in sequence order. The Go SDK accepts only
    /// vxnet_type 0 or 1 there, so the platform-managed basic network is reported as managed (1).
    /// </summary>
    public static Dictionary<string, object?> Item(InstanceView i)
    {
        var item = Fields(i);
        item["vxnets"] = i.Nics.Select(n => new
        {
            vxnet_id = n.VxNetId,
            vxnet_name = n.VxNetName,
            vxnet_type = n.VxNetType == VxNetType.SelfManaged ? 0 : 1,
            nic_id = n.NicId,
            private_ip = n.PrivateIp.ToString(),
            role = (int)n.Role,
        }).ToList();
        return item;
    }

    public static Dictionary<string, object?> VxNetInstanceItem(InstanceView i, NicView nic)
    {
        var item = Fields(i);
        item["vxnet_id"] = nic.VxNetId;
        item["nic_id"] = nic.Id;
        item["private_ip"] = nic.PrivateIp.ToString();
        item["sequence"] = nic.Sequence ?? 0;
        item["dhcp_options"] = new { };
        return item;
    }

    private static async Task<Dictionary<string, object?>> RunAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var networks = p.List("vxnets").Select(v => v.Split('|', 2) is [var id, var ip] ? new NetworkChoice(id, ip) : new NetworkChoice(v)).ToList();
        if (networks.Count == 0)
        {
            throw new IaasException(DomainErrors.Required("vxnets.1"));
        }
        var request = new RunInstances.Request(p.Optional("instance_name") ?? "", networks, p.Int("count", 1), p.Optional("image_id") ?? "",
            p.Optional("instance_type") ?? "", p.Int("cpu", 1), p.Int("memory", 1024), p.Optional("host"));
        var accepted = IaasRequest.Ok(await r.Use<RunInstances>().RunAsync(r.Context, request, r.CancellationToken));
        return new() { ["instances"] = accepted.ResourceIds, ["job_id"] = accepted.JobId };
    }

    private static async Task<Dictionary<string, object?>> DescribeAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var statuses = r.Filter<InstanceStatus>("status", s => s.ApiName(), NeverHeld);
        if (statuses is null || p.List("tags").Count > 0)
        {
            return IaasJson.Page("instance_set", new Page<InstanceView>([], 0), Item);
        }
        var query = new InstanceQuery
        {
            Ids = p.List("instances"),
            Statuses = statuses,
            ImageIds = p.List("image_id"),
            InstanceTypes = p.List("instance_type"),
            SearchWord = p.Optional("search_word"),
            Page = r.Page(),
        };
        return IaasJson.Page("instance_set", IaasRequest.Ok(await r.Use<InstanceQueries>().QueryAsync(r.Context, query, r.CancellationToken)), Item);
    }

    private static async Task<Dictionary<string, object?>> ChangeAsync(
        IaasRequest r, Func<OperationContext, IReadOnlyList<string>, CancellationToken, Task<Result<Accepted>>> change)
    {
        var accepted = IaasRequest.Ok(await change(r.Context, r.Parameters.List("instances"), r.CancellationToken));
        return new() { ["job_id"] = accepted.JobId };
    }
}
