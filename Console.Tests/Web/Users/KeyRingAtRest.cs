using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Web.Users;

public class KeyRingAtRest
{
    [Fact]
    public async Task WithACertificateTheKeyRingInTheDatabaseIsEncrypted()
    {
        var folder = Directory.CreateTempSubdirectory("nicconsole-cert-");
        try
        {
            var pfx = Path.Combine(folder.FullName, "keyring.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=nicconsole-key-ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
            }
            await using var app = new ApiFactory(new Dictionary<string, string>
            {
                ["DataProtection:Certificate"] = pfx,
                ["DataProtection:CertificatePassword"] = "pfx-pass",
            });

            var key = await app.NewKeyAsync("ring");

            var ring = await KeyRingAsync(app);
            ring.ShouldContain("encryptedSecret");
            ring.ShouldNotContain("<masterKey");
            // The secret comes back out through the encrypted ring: a signed call is accepted.
            (await new IaasClient(app.CreateClient(), key.AccessKeyId, key.SecretAccessKey).CallAsync("DescribeNics")).Succeeded();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WithoutOneTheKeyRingIsStoredInTheClear()
    {
        await using var app = new ApiFactory();

        await app.NewKeyAsync("ring");

        (await KeyRingAsync(app)).ShouldContain("<masterKey");
    }

    private static async Task<string> KeyRingAsync(ApiFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
        var rows = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        rows.ShouldNotBeEmpty();
        return string.Join('\n', rows);
    }
}
