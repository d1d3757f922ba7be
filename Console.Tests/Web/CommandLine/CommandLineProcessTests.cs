namespace NicConsole.Tests.Web.CommandLine;

/// <summary>The verbs as a person runs them: the built console as its own process, configuration among the arguments.</summary>
public sealed class CommandLineProcessTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AVerbTakesConfigurationGivenBeforeItAsArguments()
    {
        var (code, output) = await ConsoleProcess.RunAsync(new Dictionary<string, string>(),
            $"--ConnectionStrings:Default={_database.ConnectionString}", "users", "add", "--name", "carol", "--role", "Operator", "--tenant", "default");

        code.ShouldBe(0, output);
        output.ShouldContain("user: carol (Operator, tenant default)");
        var (listed, users) = await ConsoleProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings:Default"] = _database.ConnectionString }, "users", "list");
        listed.ShouldBe(0, users);
        users.ShouldContain("carol  Operator  default");
    }

    [Fact]
    public async Task DataplaneUnderTheSimulationSaysThereIsNothingInTheKernel()
    {
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Default"] = _database.ConnectionString };

        var (code, output) = await ConsoleProcess.RunAsync(settings, "dataplane", "status");
        var (bad, usage) = await ConsoleProcess.RunAsync(settings, "dataplane", "everything");

        code.ShouldBe(0, output);
        output.ShouldContain("driver: Simulated (a simulation");
        bad.ShouldBe(2);
        usage.ShouldContain("usage: dataplane status | dataplane reconcile | dataplane purge");
    }
}
