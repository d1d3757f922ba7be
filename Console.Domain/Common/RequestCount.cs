namespace NicConsole.Domain.Common;

/// <summary>How many of a thing one request may make: 1 to its limit. The service enforces it; forms show it as typed.</summary>
public static class RequestCount
{
    public static DomainError? Refusal(int count, int max) =>
        count < 1 || count > max ? DomainErrors.InvalidCount(1, max) : null;
}
