using NicConsole.Web.CommandLine;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Users;

/// <summary><c>users add</c> and <c>users list</c>, as a shell would run them.</summary>
public sealed class UsersCommandTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await UsersCommand.RunAsync(app.Services, args, new StringReader(input), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AddPrintsAGeneratedPasswordOnceAndItSignsIn()
    {
        var name = Unique("alice");

        var (exit, output, error) = await RunAsync("", "users", "add", "--name", name, "--role", "Operator", "--tenant", "acme");

        (exit, error).ShouldBe((0, ""));
        var password = output.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Trim();
        output.ShouldContain($"user: {name} (Operator, tenant acme)");
        (await SignIn.PostAsync(app.CreateClient(new() { AllowAutoRedirect = false }), name, password)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task APasswordOnStandardInputIsUsedAndNeverPrinted()
    {
        var name = Unique("bob");

        var (exit, output, _) = await RunAsync("bob-secret-42\n", "users", "add", "--name", name, "--role", "viewer", "--tenant", "t2", "--password-stdin");

        exit.ShouldBe(0);
        output.ShouldNotContain("bob-secret-42");
        output.ShouldNotContain("password");
        (await SignIn.PostAsync(app.CreateClient(new() { AllowAutoRedirect = false }), name, "bob-secret-42")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ListShowsEachUsersRoleTenantAndLock()
    {
        var name = Unique("carol");
        (await RunAsync("", "users", "add", "--name", name, "--role", "Admin", "--tenant", "default")).Exit.ShouldBe(0);
        (await app.Services.GetRequiredService<UserService>().LockAsync(OperationContext.System("t", "pek3a"), name, true)).Ok();

        var (exit, output, _) = await RunAsync("", "users", "list");

        exit.ShouldBe(0);
        output.Split('\n').ShouldContain($"{name}  Admin  default  locked");
    }

    [Theory]
    [InlineData("users", "add", "--name", "x")]
    [InlineData("users", "add", "--name", "x", "--role", "Root")]
    [InlineData("users", "add", "--role", "Admin")]
    [InlineData("users", "remove", "x")]
    public async Task BadArgumentsShowTheUsageAndMakeNobody(params string[] args)
    {
        var (exit, _, error) = await RunAsync("", args);

        exit.ShouldBe(2);
        error.ShouldContain("users add --name NAME --role Admin|Operator|Viewer");
        (await app.Services.GetRequiredService<UserService>().ListAsync(OperationContext.System("t", "pek3a"))).Ok().ShouldNotContain(u => u.Name == "x");
    }

    [Fact]
    public async Task AWeakPasswordOrATakenNameFails()
    {
        var name = Unique("dave");
        (await RunAsync("", "users", "add", "--name", name, "--role", "Viewer", "--tenant", "t")).Exit.ShouldBe(0);

        (await RunAsync("", "users", "add", "--name", name, "--role", "Viewer", "--tenant", "t")).ShouldSatisfyAllConditions(
            r => r.Exit.ShouldBe(1), r => r.Error.ShouldContain("already exists"));
        (await RunAsync("short\n", "users", "add", "--name", Unique("erin"), "--role", "Viewer", "--tenant", "t", "--password-stdin")).ShouldSatisfyAllConditions(
            r => r.Exit.ShouldBe(1), r => r.Error.ShouldContain("Passwords must"));
    }
}
