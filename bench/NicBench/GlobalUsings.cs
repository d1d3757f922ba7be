global using System.Diagnostics;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
global using NicConsole.Domain.Common;
global using NicConsole.Domain.Seeding;
global using NicConsole.Domain.Services;
