using NicConsole.Domain.DataPlane;

namespace NicConsole.Tests.Domain.DataPlane;

public class DataPlaneLockTests
{
    [Fact]
    public void OneHolderAtATimeAndTheSecondHearsWhoHoldsIt()
    {
        var prefix = $"nct-lock-{Guid.NewGuid():N}";
        try
        {
            using (var first = DataPlaneLock.TryTake(prefix, out _).ShouldNotBeNull())
            {
                DataPlaneLock.TryTake(prefix, out var holder).ShouldBeNull();
                holder.ShouldContain($"process {Environment.ProcessId}");
                holder.ShouldContain(prefix);
            }
            using var again = DataPlaneLock.TryTake(prefix, out _).ShouldNotBeNull();
        }
        finally
        {
            File.Delete(DataPlaneLock.PathFor(prefix));
            File.Delete(DataPlaneLock.PathFor(prefix) + ".pid");
        }
    }
}
