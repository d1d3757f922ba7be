using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>What the guide has made, as read now (null: not asked for, or gone).</summary>
public sealed record WizardRefreshedAction(VxNetView? VxNet, NicView? Nic, InstanceView? Instance);
