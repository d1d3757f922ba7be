using Microsoft.AspNetCore.Components;
using NicConsole.Web.Features.Nics.Store;

namespace NicConsole.Web.Features.Nics;

/// <summary>
/// How a new NIC gets its address: automatic, or typed and checked by the domain as it is typed, with the next
/// free addresses of the VxNet offered. <see cref="NicFormsState.Accepts"/> tells the form whether it may submit.
/// </summary>
public partial class NicAddressFields
{
    private (string? VxNetId, bool Manual, string? Ip)? _checked;

    /// <summary>The VxNet the address is in; nothing is checked until there is one.</summary>
    [Parameter]
    public string? VxNetId { get; set; }

    /// <summary>Whether the operator types the address (otherwise the lowest free one is taken).</summary>
    [Parameter]
    public bool Manual { get; set; }

    [Parameter]
    public EventCallback<bool> ManualChanged { get; set; }

    /// <summary>The address typed so far.</summary>
    [Parameter]
    public string? Ip { get; set; }

    [Parameter]
    public EventCallback<string?> IpChanged { get; set; }

    /// <summary>Prefix of the fields' element ids; none keeps the request dialog's ids (<c>request-ip</c>, <c>next-free</c>).</summary>
    [Parameter]
    public string? IdPrefix { get; set; }

    /// <summary>For a new server's eth0, which may also be in the basic network.</summary>
    [Parameter]
    public bool Primary { get; set; }

    /// <summary>Shown in place of the address field when the address is automatic (e.g. the count).</summary>
    [Parameter]
    public RenderFragment? AutomaticContent { get; set; }

    private string? IpError =>
        Manual && !string.IsNullOrEmpty(Ip) && Forms.Value.CheckOf(VxNetId, Ip)?.Refusal is { } refusal ? Errors[refusal] : null;

    protected override void OnParametersSet() => Check();

    private string Id(string field) => IdPrefix is null ? field : $"{IdPrefix}-{field}";

    private async Task ModeChangedAsync(bool manual)
    {
        Manual = manual;
        Check();
        await ManualChanged.InvokeAsync(manual);
    }

    private async Task IpChangedAsync(string? ip)
    {
        Ip = ip;
        Check();
        await IpChanged.InvokeAsync(ip);
    }

    /// <summary>Asks the domain about what is shown now, once per change.</summary>
    private void Check()
    {
        var shown = (VxNetId, Manual, Manual ? Ip : null);
        if (VxNetId is not null && shown != _checked)
        {
            _checked = shown;
            Dispatcher.Dispatch(new CheckAddressAction(VxNetId, shown.Item3, Primary));
        }
    }
}
