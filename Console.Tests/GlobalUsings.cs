global using NicConsole.Domain.Common;
global using NicConsole.Domain.Instances;
global using NicConsole.Domain.Jobs;
global using NicConsole.Domain.Nics;
global using NicConsole.Domain.Services;
global using NicConsole.Domain.Vpcs;
global using NicConsole.Domain.VxNets;
global using NicConsole.Tests.Support;
