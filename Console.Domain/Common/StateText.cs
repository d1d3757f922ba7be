using System.Text;

namespace NicConsole.Domain.Common;

public static class StateText
{
    /// <summary>The API's spelling of a status: <c>InUse</c> becomes <c>in-use</c>.</summary>
    public static string ApiName(this Enum value)
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>What a resource is doing now: its transition while a job runs, else its status.</summary>
    public static string Of(Enum status, Transition transition) =>
        transition == Transition.None ? status.ApiName() : transition.ApiName();
}
