namespace NicConsole.Web.Features.Shared;

/// <summary>Days picked in a time filter; the console shows and stores times in UTC.</summary>
public static class Days
{
    /// <summary>The UTC midnight that starts the picked day.</summary>
    public static DateTime? StartUtc(DateTime? day) => day is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;
}
