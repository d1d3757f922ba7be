using System.Security.Cryptography;

namespace NicConsole.Web.Users;

/// <summary>The password rules the sign-in enforces, and generated passwords that meet them.</summary>
public static class Passwords
{
    public const int MinimumLength = 10;

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>16 characters with at least one letter and one digit.</summary>
    public static string Generate()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Alphabet, 16);
            if (password.Any(char.IsDigit) && password.Any(char.IsLetter))
            {
                return password;
            }
        }
    }
}
