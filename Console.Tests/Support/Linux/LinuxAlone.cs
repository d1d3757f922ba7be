namespace NicConsole.Tests.Support.Linux;

/// <summary>Linux tests that run with no other test beside them (they fill much of a table every namespace shares).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LinuxAlone
{
    public const string Name = "Linux, alone";
}
