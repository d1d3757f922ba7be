namespace NicConsole.Domain.DataPlane;

/// <summary>
/// A running console's claim on its real data plane on this machine: an exclusive lock on a file named after the
/// namespace prefix, held while it runs. A second console with the same prefix, or <c>dataplane purge</c>, cannot
/// take it and says who holds it. The kernel drops the lock with the process, however it ends.
/// </summary>
public sealed class DataPlaneLock : IDisposable
{
    private readonly FileStream _file;

    private DataPlaneLock(FileStream file) => _file = file;

    public static string PathFor(string prefix) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nicconsole-dataplane-{prefix}.lock");

    /// <summary>The lock, or null with <paramref name="holder"/> saying which process has it.</summary>
    public static DataPlaneLock? TryTake(string prefix, out string holder)
    {
        var path = PathFor(prefix);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            // The lock file itself cannot be read while held (.NET locks it for readers too), so the holder's id sits beside it.
            File.WriteAllText(path + ".pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            holder = "";
            return new DataPlaneLock(file);
        }
        catch (IOException)
        {
            string pid;
            try
            {
                pid = File.ReadAllText(path + ".pid").Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                pid = "?";
            }
            holder = $"a console (process {pid}) is running with DataPlane:Prefix={prefix} on this machine";
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
