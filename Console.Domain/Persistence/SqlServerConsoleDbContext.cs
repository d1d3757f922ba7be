using Microsoft.EntityFrameworkCore;

namespace NicConsole.Domain.Persistence;

public sealed class SqlServerConsoleDbContext(DbContextOptions<SqlServerConsoleDbContext> options) : ConsoleDbContext(options);
