using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NicConsole.Domain.Persistence;

/// <summary>Times are stored as UTC and read back marked as UTC, whatever the provider returns.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
