namespace NicConsole.Web.Flux.Exceptions;

/// <summary>
/// Thrown by <see cref="FluxServiceExtensions.AddFlux"/> when scanned types do not fit the store: a feature
/// state without a parameterless constructor, a reducer or effect method of the wrong shape, and so on. The
/// message lists every problem found, one per line.
/// </summary>
public sealed class FluxRegistrationException : Exception
{
    /// <summary>
    /// Creates the exception for the given problems.
    /// </summary>
    /// <param name="problems">One sentence per problem, naming the type or method at fault.</param>
    public FluxRegistrationException(IReadOnlyList<string> problems)
        : base("Flux registration failed:" + string.Concat(problems.Select(p => Environment.NewLine + " - " + p)))
    {
        Problems = problems;
    }

    /// <summary>
    /// The problems found, one sentence each.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }
}
