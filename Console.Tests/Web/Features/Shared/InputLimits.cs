using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NicConsole.Web.Features.Instances;
using NicConsole.Web.Features.Jobs;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.Operations;
using NicConsole.Web.Features.Vpcs;
using NicConsole.Web.Features.VxNets;
using NicConsole.Web.Features.Wizard;

namespace NicConsole.Tests.Web.Features.Shared;

/// <summary>
/// Every text and number field of the console, page by page and dialog by dialog, carries the length the domain allows
/// (names, descriptions, IPs, CIDRs, counts, search words); a field without one fails, so a new field cannot forget it.
/// </summary>
public class InputLimits : ConsoleTestContext
{
    /// <summary>Where each field is, and the domain's limit it must carry.</summary>
    private static readonly Dictionary<string, int> Expected = new()
    {
        ["#vpcs-search"] = Limits.SearchLength,
        ["#vxnets-search"] = Limits.SearchLength,
        ["#nics-search"] = Limits.SearchLength,
        ["#instances-search"] = Limits.SearchLength,
        ["#jobs-resource"] = Limits.SearchLength,
        ["#jobs-owner"] = Limits.SearchLength,
        ["#operations-resource"] = Limits.SearchLength,
        ["#operations-user"] = Limits.SearchLength,
        ["#create-vpc-name"] = Limits.NameLength,
        ["#modify-vpc-name"] = Limits.NameLength,
        ["#modify-vpc-description"] = Limits.DescriptionLength,
        ["#create-vxnet-name"] = Limits.NameLength,
        ["#create-vxnet-count"] = $"{Limits.MaxVxNetsPerRequest}".Length,
        ["#join-subnet"] = Limits.CidrLength,
        ["#join-gateway"] = Limits.IpLength,
        ["#join-dhcp-start"] = Limits.IpLength,
        ["#join-dhcp-end"] = Limits.IpLength,
        ["#request-name"] = Limits.NameLength,
        ["#request-count"] = $"{Limits.NicsPerVxNet}".Length,
        ["#request-ip"] = Limits.IpLength,
        ["#modify-name"] = Limits.NameLength,
        ["#modify-description"] = Limits.DescriptionLength,
        ["#modify-ip"] = Limits.IpLength,
        ["#launch-name"] = Limits.NameLength,
        ["#launch-count"] = $"{Limits.MaxServersPerRequest}".Length,
        ["#launch-request-ip"] = Limits.IpLength,
        ["#wizard-vxnet-name"] = Limits.NameLength,
    };

    private readonly HashSet<string> _seen = [];
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private string _vxnet = "";

    [Fact]
    public async Task EveryFieldOfEveryPageAndDialogCarriesTheDomainsLimit()
    {
        var vpc = await Harness.CreateVpcAsync();
        _vxnet = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        await Harness.RequestNicsAsync(_vxnet, 1, "172.16.1.10");
        var nic = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery())).Ok().Items.Single();
        var vpcView = (await Harness.Get<VpcQueries>().QueryAsync(Operator, new VpcQuery { Ids = [vpc] })).Ok().Items.Single();
        await StoreAsync();
        _dialogs = RenderWithProviders<MudText>(out _);

        Check(Page<VpcsPage>());
        Check(Page<VxNetsPage>());
        Check(Page<NicsPage>());
        Check(Page<InstancesPage>());
        Check(Page<JobsPage>());
        Check(Page<OperationsPage>());
        Check(Page<WizardPage>());
        Check(await DialogAsync<CreateVpcDialog>([]));
        Check(await DialogAsync<ModifyVpcDialog>(new() { [nameof(ModifyVpcDialog.Vpc)] = vpcView }));
        Check(await DialogAsync<CreateVxNetDialog>([]));
        Check(await DialogAsync<JoinVpcDialog>(new() { [nameof(JoinVpcDialog.VxNetId)] = _vxnet }));
        Check(await DialogAsync<RequestNicDialog>(new() { [nameof(RequestNicDialog.VxNetId)] = _vxnet }));
        Check(await DialogAsync<RequestNicDialog>(new() { [nameof(RequestNicDialog.VxNetId)] = _vxnet, [nameof(RequestNicDialog.PrivateIp)] = "172.16.1.20" }));
        Check(await DialogAsync<ModifyNicDialog>(new() { [nameof(ModifyNicDialog.Nic)] = nic }));
        var launch = await DialogAsync<LaunchInstanceDialog>([]);
        Check(launch);
        await launch.Find("#launch-ip-manual").ClickAsync(new MouseEventArgs());
        Check(launch);

        _seen.ShouldBe(Expected.Keys, ignoreOrder: true);
    }

    /// <summary>Every text or number input shown must be one of the table's, with its limit (selects and date pickers take no typing beyond their format).</summary>
    private void Check(IRenderedComponent<IComponent> rendered)
    {
        var fields = rendered.FindAll("input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea")
            .Where(e => e.Closest(".mud-select, .mud-picker") is null)
            .ToList();
        foreach (var field in fields)
        {
            var id = $"#{field.Id}";
            Expected.ShouldContainKey(id, $"a field without a known limit: {field.OuterHtml}");
            field.GetAttribute("maxlength").ShouldBe(Expected[id].ToString(), $"{id}: {field.OuterHtml}");
            _seen.Add(id);
        }
    }

    private IRenderedComponent<IComponent> Page<T>() where T : class, IComponent => Render<T>();

    private async Task<IRenderedComponent<IComponent>> DialogAsync<T>(Dictionary<string, object?> parameters) where T : IComponent
    {
        var dialogParameters = new DialogParameters();
        foreach (var (name, value) in parameters)
        {
            dialogParameters.Add(name, value);
        }
        var open = _dialogs.FindAll(".mud-dialog").Count;
        await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<T>("", dialogParameters));
        _dialogs.WaitForAssertion(() => _dialogs.FindAll(".mud-dialog").Count.ShouldBe(open + 1));
        return _dialogs;
    }
}
