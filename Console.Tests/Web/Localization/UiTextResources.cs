using System.Xml.Linq;

namespace NicConsole.Tests.Web.Localization;

public class UiTextResources
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Console.Web", "Localization");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void ChineseAndEnglishHaveTheSameKeys()
    {
        var chinese = Read("UiText.resx");
        var english = Read("UiText.en.resx");

        english.Keys.Order().ShouldBe(chinese.Keys.Order());
        english.Values.ShouldAllBe(v => !System.Text.RegularExpressions.Regex.IsMatch(v, @"\p{IsCJKUnifiedIdeographs}"));
        chinese.Count(kv => kv.Value != english[kv.Key]).ShouldBeGreaterThan(chinese.Count * 3 / 4);
    }
}
