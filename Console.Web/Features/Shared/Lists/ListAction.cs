namespace NicConsole.Web.Features.Shared.Lists;

/// <summary>
/// An action of the list read by <typeparamref name="TQuery"/>: the one type its <see cref="ListReducer{TState, TItem, TQuery}"/>
/// reduces. Each list names its own actions as one-line records deriving from the four below.
/// </summary>
/// <typeparam name="TQuery">The list's domain query.</typeparam>
public abstract record ListAction<TQuery>;
