namespace NicConsole.Domain.Dashboard;

public sealed record StatusCount(string Status, int Count);
