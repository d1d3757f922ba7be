using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using NicConsole.Domain;
using NicConsole.Web;
using NicConsole.Web.Agents;
using NicConsole.Web.Api;
using NicConsole.Web.CommandLine;
using NicConsole.Web.Export;
using NicConsole.Web.Components;
using NicConsole.Web.Health;
using NicConsole.Web.Localization;
using NicConsole.Web.Security;
using NicConsole.Web.Telemetry;
using NicConsole.Web.Operators;
using NicConsole.Web.Users;

var builder = WebApplication.CreateBuilder(args);

// The one appsettings.json sits at the repository root and is copied next to the binaries; it takes the
// default JSON source's slot so that environment variables, the command line and test overrides still win.
var sources = builder.Configuration.Sources;
var slot = sources.ToList().FindLastIndex(s => s is JsonConfigurationSource) + 1;
sources.Insert(slot, new JsonConfigurationSource
{
    Path = "appsettings.json",
    Optional = false,
    ReloadOnChange = true,
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
});

// A verb's own words, without the configuration given with it (--DataPlane:Driver=Linux dataplane status).
var verb = args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))).ToArray();
var command = KeysCommand.Handles(verb) || SeedCommand.Handles(verb) || UsersCommand.Handles(verb) || DataPlaneCommand.Handles(verb) || HostsCommand.Handles(verb);
if (command)
{
    builder.Logging.ClearProviders();
}
builder.WebHost.UseStaticWebAssets();
// A legal API call with 252 ids is a request line past Kestrel's 8 KB default: see IaasLimits for the figures.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = IaasLimits.RequestLineBytes);
// The domain first: its start-up migration must run before any other hosted service reads the database (the
// data-protection key ring lives there).
builder.Services.AddConsoleDomain(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddConsoleWeb(builder.Configuration, builder.Environment);
builder.Services.AddApiHardening(builder.Configuration);
builder.Services.AddHttpsDeployment(builder.Configuration);
builder.Services.AddConsoleTelemetry(builder.Configuration);

var app = builder.Build();

if (command)
{
    return verb[0] switch
    {
        "keys" => await KeysCommand.RunAsync(app.Services, verb, Console.Out, Console.Error),
        "users" => await UsersCommand.RunAsync(app.Services, verb, Console.In, Console.Out, Console.Error),
        "dataplane" => await DataPlaneCommand.RunAsync(app.Services, verb, Console.Out, Console.Error),
        "hosts" => await HostsCommand.RunAsync(app.Services, verb, Console.Out, Console.Error),
        _ => await SeedCommand.RunAsync(app.Services, verb, Console.Out, Console.Error),
    };
}

app.UseHttpsDeployment();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization(o =>
{
    o.SetDefaultCulture(Cultures.Chinese).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
    // Chinese unless the operator chose otherwise: the browser's Accept-Language does not decide.
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});
app.UseIaasRateLimiting();
app.UseAuthentication();
app.UseAuthorization();
// The request's operator (the CSV exports, a page's first render) is the signed-in user; a circuit fills its own.
app.Use((http, next) =>
{
    http.RequestServices.GetRequiredService<CurrentOperator>().Use(http.User);
    return next(http);
});
app.UseAntiforgery();
app.MapStaticAssets();
app.MapIaas();
app.MapAgents();
app.MapExports();
app.MapHealth().AllowAnonymous();
app.MapConsoleMetrics();
app.MapAccount();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;
