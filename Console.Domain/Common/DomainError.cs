using System.Globalization;
using System.Resources;

namespace NicConsole.Domain.Common;

public sealed record DomainError(RetCode Code, string Key, params object[] Args)
{
    public static readonly ResourceManager Messages =
        new("NicConsole.Domain.Common.DomainErrorMessages", typeof(DomainError).Assembly);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public string Message(CultureInfo culture)
    {
        var format = Messages.GetString(Key, culture)
            ?? throw new InvalidOperationException($"No message for domain error '{Key}'.");
        return string.Format(culture, format, Args);
    }

    public string EnglishMessage => Message(English);

    public string ApiMessage => $"{Code}, {EnglishMessage}";

    public override string ToString() => $"{(int)Code} {ApiMessage}";
}
