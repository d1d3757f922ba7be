using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Shared;

/// <summary>
/// Asked before every change action's own rule: a Viewer sees each change disabled with the domain's own refusal
/// (the one the service gives), the way any action that does not apply is shown; read actions never ask it.
/// </summary>
public sealed class ChangeGuard(CurrentOperator @operator, ErrorText errors)
{
    /// <summary>Why this operator may not change anything (a Viewer), or null.</summary>
    public DomainError? RoleRefusal => @operator.Context.ChangeRefusal;

    /// <summary>Why the action is refused: the role first, then the action's own rule.</summary>
    public DomainError? Refusal(DomainError? own = null) => RoleRefusal ?? own;

    /// <summary>The same in the operator's language, for a title or caption; null when the action is allowed.</summary>
    public string? Why(DomainError? own = null) => Refusal(own) is { } error ? errors[error] : null;

    /// <summary>For an action whose own reason is already text (e.g. nothing selected): the role first.</summary>
    public string? Why(string? own) => RoleRefusal is { } error ? errors[error] : own;
}
