using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Agent;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.DataPlane.Linux;
using NicConsole.Domain.Options;

// dotnet run --project NicConsole.Agent -- --controller http://127.0.0.1:5290 --host h2 --token h2.… [--prefix nc] [--driver Linux|Simulated]
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Configuration.AddEnvironmentVariables("NICCONSOLE_");
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--controller"] = "Agent:Controller",
    ["--host"] = "Agent:Host",
    ["--token"] = "Agent:Token",
    ["--prefix"] = "DataPlane:Prefix",
    ["--driver"] = "DataPlane:Driver",
    ["--underlay-device"] = "DataPlane:UnderlayDevice",
});
if (Environment.GetEnvironmentVariable("NICCONSOLE_AGENT_TOKEN") is { Length: > 0 } token && string.IsNullOrEmpty(builder.Configuration["Agent:Token"]))
{
    builder.Configuration["Agent:Token"] = token;
}
builder.Services.Configure<AgentOptions>(builder.Configuration.GetSection(AgentOptions.Section));
builder.Services.Configure<DataPlaneOptions>(builder.Configuration.GetSection(DataPlaneOptions.Section));
builder.Services.PostConfigure<DataPlaneOptions>(o => o.Host = builder.Configuration["Agent:Host"] ?? o.Host);
builder.Services.AddSingleton<DataPlaneGate>();
builder.Services.AddSingleton<ControllerClient>();
builder.Services.AddSingleton<IDataPlane>(sp =>
{
    var options = sp.GetRequiredService<IOptionsMonitor<DataPlaneOptions>>();
    return options.CurrentValue.Driver == LinuxDataPlane.Name
        ? LinuxDataPlane.Start(sp.GetRequiredService<DataPlaneGate>(), options, sp.GetRequiredService<ILoggerFactory>())
        : new SpecOnlyDataPlane();
});
builder.Services.AddHostedService<AgentLoop>();

var problems = new AgentOptions();
builder.Configuration.GetSection(AgentOptions.Section).Bind(problems);
if (problems.Problems().ToList() is { Count: > 0 } missing)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, missing));
    Console.Error.WriteLine("usage: dotnet run --project NicConsole.Agent -- --controller URL --host NAME --token TOKEN [--prefix nc] [--driver Linux|Simulated]");
    return 2;
}
await builder.Build().RunAsync();
return Environment.ExitCode;
