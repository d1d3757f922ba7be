using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Shared;

/// <summary>
/// Which committed changes reach a circuit's store: a non-Admin's pages hear only their tenant's and the system's
/// (no tenant) changes, so another tenant's change reloads nothing; an Admin's hear every one.
/// </summary>
public class LiveChangesByTenant
{
    private readonly InProcessChangeFeed _feed = new(NullLogger<InProcessChangeFeed>.Instance);
    private readonly RecordingDispatcher _dispatcher = new();

    private static ResourceChange Change(string action, string? tenant) =>
        new(action, ["vxnet-x"], OperationResult.Succeeded, null, "pek3a", tenant);

    private LiveChanges Start(Role role, string tenant)
    {
        var @operator = new CurrentOperator(Options.Create(new NetworkOptions())) { User = "someone", Role = role, Tenant = tenant };
        var live = new LiveChanges(_feed, @operator, TestMeters.Web(), TimeProvider.System, NullLogger<LiveChanges>.Instance);
        live.Start(_dispatcher);
        return live;
    }

    [Theory]
    [InlineData(Role.Operator)]
    [InlineData(Role.Viewer)]
    public async Task ANonAdminHearsNothingOfAnotherTenantsChange(Role role)
    {
        using var live = Start(role, "a");

        _feed.Publish([Change("theirs", "b")]);
        _feed.Publish([Change("ours", "a")]);

        await _dispatcher.UntilAsync(actions => actions.Any(a => a.Changes.Any(c => c.Action == "ours")));
        await Task.Delay(200);
        _dispatcher.Actions.SelectMany(a => a.Changes).Select(c => c.Action).ShouldBe(["ours"]);
    }

    [Fact]
    public async Task ANonAdminHearsTheirTenantsAndTheSystemsChangesOfAMixedBatchOnly()
    {
        using var live = Start(Role.Operator, "a");

        _feed.Publish([Change("theirs", "b"), Change("ours", "a"), Change("system", null), Change("unnamed", "")]);

        await _dispatcher.UntilAsync(actions => actions.Count > 0);
        _dispatcher.Actions.ShouldHaveSingleItem().Changes.Select(c => c.Action).ShouldBe(["ours", "system", "unnamed"]);
    }

    [Fact]
    public async Task AnAdminHearsEveryTenantsChanges()
    {
        using var live = Start(Role.Admin, OperationContext.DefaultTenant);

        _feed.Publish([Change("theirs", "b")]);
        _feed.Publish([Change("also theirs", "a")]);

        await _dispatcher.UntilAsync(actions => actions.Sum(a => a.Changes.Count) == 2);
        _dispatcher.Actions.SelectMany(a => a.Changes).Select(c => c.Action).ShouldBe(["theirs", "also theirs"]);
    }

    [Fact]
    public async Task ChangesHeardWhileADispatchIsOnItsWayJoinTheNextOneInOrder()
    {
        using var live = Start(Role.Admin, OperationContext.DefaultTenant);
        _dispatcher.HoldFirst();

        _feed.Publish([Change("first", "a")]);
        await _dispatcher.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i <= 10; i++)
        {
            _feed.Publish([Change($"then {i}", "a")]);
        }
        _dispatcher.Release();

        await _dispatcher.UntilAsync(actions => actions.Sum(a => a.Changes.Count) == 11);
        _dispatcher.Actions.Select(a => a.Changes.Select(c => c.Action).ToList()).ShouldBe(
            [["first"], [.. Enumerable.Range(1, 10).Select(i => $"then {i}")]]);
    }

    [Fact]
    public async Task AChangeAfterTheLastDispatchEndedIsDispatchedOnItsOwn()
    {
        using var live = Start(Role.Admin, OperationContext.DefaultTenant);

        _feed.Publish([Change("one", "a")]);
        await _dispatcher.UntilAsync(actions => actions.Count == 1);
        await Task.Delay(50);
        _feed.Publish([Change("two", "a")]);

        await _dispatcher.UntilAsync(actions => actions.Count == 2);
        _dispatcher.Actions.Select(a => a.Changes.Single().Action).ShouldBe(["one", "two"]);
    }

    private sealed class RecordingDispatcher : IDispatcher
    {
        private readonly ConcurrentQueue<ResourcesChangedAction> _actions = new();

        public event EventHandler<ActionDispatchedEventArgs> ActionDispatched { add { } remove { } }

        public IReadOnlyList<ResourcesChangedAction> Actions => [.. _actions];

        private ManualResetEventSlim? _hold;

        /// <summary>Done when the first dispatch has come (and, after <see cref="HoldFirst"/>, waits for <see cref="Release"/>).</summary>
        public TaskCompletionSource FirstArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Makes the first dispatch take as long as the test wants, as a busy thread pool would.</summary>
        public void HoldFirst() => _hold = new ManualResetEventSlim();

        public void Release() => _hold!.Set();

        public void Dispatch(object action)
        {
            _actions.Enqueue((ResourcesChangedAction)action);
            if (FirstArrived.TrySetResult())
            {
                _hold?.Wait(TimeSpan.FromSeconds(10));
            }
        }

        public async Task UntilAsync(Func<IReadOnlyList<ResourcesChangedAction>, bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition(Actions))
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the change did not reach the store");
                await Task.Delay(20);
            }
        }
    }
}
