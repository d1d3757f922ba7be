using Microsoft.EntityFrameworkCore;

namespace NicConsole.Domain.Persistence;

public sealed class SqliteConsoleDbContext(DbContextOptions<SqliteConsoleDbContext> options) : ConsoleDbContext(options);
