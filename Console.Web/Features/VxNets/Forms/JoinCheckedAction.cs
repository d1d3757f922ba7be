using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.VxNets.Forms;

public sealed record JoinCheckedAction(JoinVpc.Request Request, AddressPlan? Plan, DomainError? Refusal);
