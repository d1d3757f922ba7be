using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Instances;
using NicConsole.Web.Localization;
using Transition = NicConsole.Domain.Common.Transition;

namespace NicConsole.Web.Features.Instances;

/// <summary>What an operator may do to servers, wherever the buttons are: the list's toolbar and menu, or a server's page.</summary>
public static class InstanceChanges
{
    public static readonly Transition[] All = [Transition.Starting, Transition.Stopping, Transition.Restarting, Transition.Terminating];

    /// <summary>Terminating is the one change that cannot be undone, so the operator confirms it first.</summary>
    public static async Task<bool> ConfirmAsync(IDialogService dialogs, IStringLocalizer<UiText> text, IReadOnlyList<InstanceView> servers, Transition change)
    {
        if (change != Transition.Terminating)
        {
            return true;
        }
        var names = string.Join(", ", servers.Select(s => $"{s.Name} ({s.Id})"));
        return await dialogs.ShowMessageBoxAsync(text["Instances.Terminating"], text["Instances.TerminateConfirm", names],
            yesText: text["Instances.Terminating"], cancelText: text["Common.Cancel"]) == true;
    }
}
