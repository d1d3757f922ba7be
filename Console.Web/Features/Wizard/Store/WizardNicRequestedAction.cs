using NicConsole.Domain.Nics;

namespace NicConsole.Web.Features.Wizard.Store;

public sealed record WizardNicRequestedAction(NicAddress Nic);
