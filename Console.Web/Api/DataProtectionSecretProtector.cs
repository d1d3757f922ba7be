using Microsoft.AspNetCore.DataProtection;
using NicConsole.Domain.AccessKeys;

namespace NicConsole.Web.Api;

public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("NicConsole.AccessKeys.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
