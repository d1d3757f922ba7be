namespace NicConsole.Domain.Common;

public static class Text
{
    public const string LikeEscape = "\\";

    /// <summary>A LIKE pattern that matches <paramref name="word"/> anywhere, with its wildcards escaped.</summary>
    public static string Containing(string word) =>
        "%" + word.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_") + "%";
}
