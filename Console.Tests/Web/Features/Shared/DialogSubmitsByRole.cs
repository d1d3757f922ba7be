using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NicConsole.Web.Features.Instances;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.Vpcs;
using NicConsole.Web.Features.VxNets;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Shared;

/// <summary>
/// Every change dialog's submit button by role: filled in so that an Operator may send it, it stays disabled for a
/// Viewer and says why (a dialog left open when the role changed, or reached some other way, sends nothing).
/// </summary>
public class DialogSubmitsByRole : ConsoleTestContext
{
    private string _vpc = "";
    private string _vxnet = "";

    /// <summary>Every dialog that sends a change.</summary>
    public static TheoryData<string> Dialogs() =>
        new(["create VPC", "modify VPC", "create VxNet", "join VPC", "request NIC", "modify NIC", "attach NIC", "launch server"]);

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task AViewersSubmitIsDisabledAndSaysWhy(string dialog)
    {
        await SceneAsync();
        Services.GetRequiredService<CurrentOperator>().ActAs(Role.Viewer);
        var reason = Services.GetRequiredService<ErrorText>()[DomainErrors.ReadOnlyRole(CurrentOperator.DefaultUser)];

        var submit = await OpenAsync(dialog);

        submit().HasAttribute("disabled").ShouldBeTrue();
        submit().GetAttribute("title").ShouldBe(reason);
    }

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task AnOperatorsSubmitHasNoRoleReason(string dialog)
    {
        await SceneAsync();
        Services.GetRequiredService<CurrentOperator>().ActAs(Role.Operator);

        var submit = await OpenAsync(dialog);

        submit().HasAttribute("title").ShouldBeFalse();
        if (FilledIn.Contains(dialog))
        {
            submit().HasAttribute("disabled").ShouldBeFalse();
        }
    }

    /// <summary>The dialogs the test fills in completely (the others need a pick from a select list).</summary>
    private static readonly string[] FilledIn = ["create VPC", "modify VPC", "create VxNet", "request NIC", "modify NIC"];

    private async Task SceneAsync()
    {
        _vpc = await Harness.CreateVpcAsync();
        _vxnet = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", _vpc);
        await Harness.RequestNicsAsync(_vxnet, 1, "172.16.1.10");
        await StoreAsync();
    }

    private async Task<Func<AngleSharp.Dom.IElement>> OpenAsync(string dialog)
    {
        var providers = RenderWithProviders<MudText>(out _);
        var dialogs = Services.GetRequiredService<IDialogService>();
        var nic = (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery())).Ok().Items.Single();
        var vpc = (await Harness.Get<VpcQueries>().QueryAsync(Operator, new VpcQuery { Ids = [_vpc] })).Ok().Items.Single();
        var id = dialog switch
        {
            "create VPC" => await ShowAsync<CreateVpcDialog>(providers, dialogs, [], "#create-vpc-submit", ("#create-vpc-name", "web")),
            "modify VPC" => await ShowAsync<ModifyVpcDialog>(providers, dialogs, new() { [nameof(ModifyVpcDialog.Vpc)] = vpc }, "#modify-vpc-submit", ("#modify-vpc-name", "renamed")),
            "create VxNet" => await ShowAsync<CreateVxNetDialog>(providers, dialogs, [], "#create-vxnet-submit"),
            "join VPC" => await ShowAsync<JoinVpcDialog>(providers, dialogs, new() { [nameof(JoinVpcDialog.VxNetId)] = _vxnet }, "#join-submit"),
            "request NIC" => await ShowAsync<RequestNicDialog>(providers, dialogs, new() { [nameof(RequestNicDialog.VxNetId)] = _vxnet }, "#request-submit"),
            "modify NIC" => await ShowAsync<ModifyNicDialog>(providers, dialogs, new() { [nameof(ModifyNicDialog.Nic)] = nic }, "#modify-submit", ("#modify-name", "renamed")),
            "attach NIC" => await ShowAsync<AttachNicDialog>(providers, dialogs, new() { [nameof(AttachNicDialog.Nics)] = new[] { nic } }, "#attach-submit"),
            "launch server" => await ShowAsync<LaunchInstanceDialog>(providers, dialogs, [], "#launch-submit"),
            _ => throw new ArgumentOutOfRangeException(nameof(dialog), dialog, null),
        };
        return () => providers.Find(id);
    }

    private static async Task<string> ShowAsync<T>(IRenderedComponent<MudDialogProvider> providers, IDialogService dialogs,
        Dictionary<string, object?> parameters, string submit, params (string Field, string Value)[] fields) where T : IComponent
    {
        var dialogParameters = new DialogParameters();
        foreach (var (name, value) in parameters)
        {
            dialogParameters.Add(name, value);
        }
        await providers.InvokeAsync(() => dialogs.ShowAsync<T>("", dialogParameters));
        providers.WaitForElement(submit);
        foreach (var (field, value) in fields)
        {
            await providers.Find(field).InputAsync(new ChangeEventArgs { Value = value });
        }
        return submit;
    }
}
