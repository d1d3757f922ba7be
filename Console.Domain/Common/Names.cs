namespace NicConsole.Domain.Common;

public static class Names
{
    public static DomainError? Check(string? name, string? description = null)
    {
        if (name is { Length: > Limits.NameLength })
        {
            return DomainErrors.NameTooLong(Limits.NameLength);
        }
        if (description is { Length: > Limits.DescriptionLength })
        {
            return DomainErrors.DescriptionTooLong(Limits.DescriptionLength);
        }
        return null;
    }

    /// <summary>Any other stored text: longer than its column is a clear 1100, on every database provider.</summary>
    public static DomainError? CheckLength(string parameter, string? value, int max) =>
        value is { Length: var length } && length > max ? DomainErrors.ValueTooLong(parameter, max) : null;
}
