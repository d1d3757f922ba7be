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
}
