using NicConsole.Domain.Nics;

namespace NicConsole.Web.Features.Wizard.Store;

public sealed record RequestWizardNicAction(RequestNics.Request Request);
