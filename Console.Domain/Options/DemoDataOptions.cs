namespace NicConsole.Domain.Options;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    public bool Enabled { get; set; } = true;
}
