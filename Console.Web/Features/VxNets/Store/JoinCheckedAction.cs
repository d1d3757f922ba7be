using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed record JoinCheckedAction(JoinVpc.Request Request, AddressPlan? Plan, DomainError? Refusal);
