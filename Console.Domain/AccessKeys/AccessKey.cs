using System.Security.Cryptography;
using NicConsole.Domain.Common;

namespace NicConsole.Domain.AccessKeys;

/// <summary>
/// An API key pair of a console user. The secret is kept only in protected (encrypted) form, because the
/// server needs it back to check each request's HMAC; it is shown to its owner once, at creation.
/// </summary>
public sealed class AccessKey
{
    public const int IdLength = 20;
    public const int SecretLength = 40;

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private AccessKey()
    {
    }

    public AccessKey(string user, string description, string protectedSecret, DateTime now)
    {
        Id = "NC" + RandomNumberGenerator.GetString(IdAlphabet, IdLength - 2);
        User = user;
        Description = description;
        ProtectedSecret = protectedSecret;
        CreateTime = now;
    }

    public string Id { get; private set; } = "";
    public string User { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string ProtectedSecret { get; private set; } = "";
    public DateTime CreateTime { get; private set; }
    public DateTime? RevokeTime { get; private set; }

    public bool IsActive => RevokeTime is null;

    public static string NewSecret() => RandomNumberGenerator.GetString(SecretAlphabet, SecretLength);

    public void Revoke(DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainException($"Access key {Id} is already revoked.");
        }
        RevokeTime = now;
    }
}
