namespace NicConsole.Web.Users;

/// <summary>The claim a signed-in user carries besides Identity's own (name, role, security stamp).</summary>
public static class ConsoleClaims
{
    public const string Tenant = "nicconsole:tenant";
}
