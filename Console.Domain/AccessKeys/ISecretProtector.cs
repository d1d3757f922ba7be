namespace NicConsole.Domain.AccessKeys;

/// <summary>Encrypts secrets at rest; the host supplies it (ASP.NET Core Data Protection in the web app).</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
