namespace NicConsole.Web.Api;

/// <summary>One authenticated call on its way to an action: its parameters and who makes it, in which zone.</summary>
public sealed record IaasRequest(IaasParameters Parameters, OperationContext Context, IServiceProvider Services, CancellationToken CancellationToken)
{
    /// <summary>The use case or query class an action calls, from the request's services.</summary>
    public T Use<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The value of a domain result, or the refusal thrown to the API's error shape.</summary>
    public static T Ok<T>(Result<T> result) => result.Succeeded ? result.Value : throw new IaasException(result.Error!);

    /// <summary>Every item of a list, read a page at a time; for the verbose parts of a reply.</summary>
    public static async Task<List<T>> AllAsync<T>(Func<PageRequest, Task<Result<Page<T>>>> query)
    {
        var all = new List<T>();
        while (true)
        {
            var page = Ok(await query(new PageRequest(all.Count, Limits.MaxPageSize)));
            all.AddRange(page.Items);
            if (page.Items.Count == 0 || all.Count >= page.TotalCount)
            {
                return all;
            }
        }
    }

    public PageRequest Page() => new(Parameters.Int("offset", 0), Parameters.Int("limit", 0));

    /// <summary>
    /// A filter of enum values by their API spelling. An unknown value is refused; a documented value that
    /// nothing here ever has (<paramref name="neverHeld"/>) matches nothing, and then the result is null.
    /// </summary>
    public IReadOnlyList<TEnum>? Filter<TEnum>(string name, Func<TEnum, string> apiValue, params string[] neverHeld) where TEnum : struct, Enum
    {
        var given = Parameters.List(name);
        var values = new List<TEnum>();
        foreach (var text in given)
        {
            var match = Enum.GetValues<TEnum>().Where(v => apiValue(v) == text).ToList();
            if (match.Count == 0 && !neverHeld.Contains(text))
            {
                throw new IaasException(DomainErrors.InvalidValue(name, text));
            }
            values.AddRange(match);
        }
        return given.Count > 0 && values.Count == 0 ? null : values;
    }
}
