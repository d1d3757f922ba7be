global using NicConsole.Domain.Common;
global using NicConsole.Domain.Services;
