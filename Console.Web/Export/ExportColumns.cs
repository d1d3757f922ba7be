using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Export;

/// <summary>What each list exports: ids and API spellings, so a file reads back into scripts as the API answers.</summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<CsvColumn<VpcView>> Vpcs =
    [
        new("Column.Id", v => v.Id), new("Column.Name", v => v.Name), new("Column.Network", v => v.Network),
        new("Column.Status", v => StateText.Of(v.Status, v.Transition)), new("Column.VxNets", v => v.VxNetCount),
        new("Column.Description", v => v.Description), new("Column.Zone", v => v.Zone), new("Column.Owner", v => v.Owner),
        new("Column.Created", v => v.CreateTime),
    ];

    public static readonly IReadOnlyList<CsvColumn<VxNetView>> VxNets =
    [
        new("Column.Id", x => x.Id), new("Column.Name", x => x.Name), new("Column.Vpc", x => x.VpcId), new("Column.Network", x => x.Subnet),
        new("Column.Gateway", x => x.Gateway), new("Column.Nics", x => x.NicCount), new("Column.Description", x => x.Description),
        new("Column.Zone", x => x.Zone), new("Column.Owner", x => x.Owner), new("Column.Created", x => x.CreateTime),
    ];

    public static readonly IReadOnlyList<CsvColumn<NicView>> Nics =
    [
        new("Column.Id", n => n.Id), new("Column.Name", n => n.Name), new("Column.Status", n => StateText.Of(n.Status, n.Transition)),
        new("Column.VxNet", n => n.VxNetId), new("Column.Ip", n => n.PrivateIp), new("Column.Instance", n => n.InstanceId),
        new("Column.Sequence", n => n.Sequence is { } sequence ? $"eth{sequence}" : null), new("Column.Role", n => n.Role.ApiName()),
        new("Column.Description", n => n.Description), new("Column.Zone", n => n.Zone), new("Column.Owner", n => n.Owner),
        new("Column.Created", n => n.CreateTime),
    ];

    public static readonly IReadOnlyList<CsvColumn<InstanceView>> Instances =
    [
        new("Column.Id", i => i.Id), new("Column.Name", i => i.Name), new("Column.Status", i => StateText.Of(i.Status, i.Transition)),
        new("Column.Nics", i => i.Nics.Count), new("Column.Ip", i => string.Join(' ', i.Nics.Select(n => $"eth{n.Sequence}={n.PrivateIp}"))),
        new("Column.Image", i => i.ImageId), new("Column.InstanceType", i => i.InstanceType), new("Column.Zone", i => i.Zone),
        new("Column.Owner", i => i.Owner), new("Column.Created", i => i.CreateTime),
    ];

    public static readonly IReadOnlyList<CsvColumn<Job>> Jobs =
    [
        new("Column.Id", j => j.Id), new("Column.Action", j => j.Action.ToString()), new("Column.Status", j => j.Status.ApiName()),
        new("Column.Resources", j => j.ResourceIds), new("Column.Owner", j => j.Owner), new("Column.Error", j => j.Error),
        new("Column.Created", j => j.CreateTime), new("Column.StatusTime", j => j.StatusTime),
    ];

    public static readonly IReadOnlyList<CsvColumn<OperationLogEntry>> Operations =
    [
        new("Column.Time", o => o.Time), new("Column.User", o => o.User), new("Column.Action", o => o.Action),
        new("Column.Resources", o => o.ResourceIds), new("Column.Result", o => o.Result.ApiName()), new("Column.Detail", o => o.Detail),
        new("Column.Job", o => o.JobId),
    ];
}
