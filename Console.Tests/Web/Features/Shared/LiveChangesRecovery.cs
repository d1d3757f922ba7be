using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
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
/// A dispatch of live changes that fails in the background is not lost: it is logged, the page is told it may be
/// behind, and the changes (with those heard meanwhile) are dispatched again until they get through.
/// </summary>
public class LiveChangesRecovery
{
    [Fact]
    public async Task AFailedDispatchIsLoggedTheChangesAreKeptAndThePageCatchesUp()
    {
        var feed = new InProcessChangeFeed(NullLogger<InProcessChangeFeed>.Instance);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var @operator = new CurrentOperator(Options.Create(new NetworkOptions())) { User = "someone", Role = Role.Admin, Tenant = "a" };
        using var live = new LiveChanges(feed, @operator, TestMeters.Web(), TimeProvider.System, loggers.CreateLogger<LiveChanges>());
        var states = new ConcurrentQueue<bool>();
        live.InterruptedChanged += states.Enqueue;
        var dispatcher = new FailingDispatcher(failures: 2);
        live.Start(dispatcher);

        feed.Publish([Change("first")]);
        await dispatcher.FailedTwice.Task.WaitAsync(TimeSpan.FromSeconds(10));
        feed.Publish([Change("meanwhile")]);
        await dispatcher.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        dispatcher.Actions.SelectMany(a => a.Changes).Select(c => c.Action).ShouldBe(["first", "meanwhile"], "nothing heard is lost");
        await Task.Delay(50);
        states.ToArray().ShouldBe([true, false], "interrupted while failing, then back");
        live.Interrupted.ShouldBeFalse();
        logs.Lines.Count(l => l.Contains("could not be dispatched", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task ALostBackplaneShowsAsInterruptedWithoutAReloadAndItsResyncReloadsAndClearsIt()
    {
        var feed = new InProcessChangeFeed(NullLogger<InProcessChangeFeed>.Instance);
        var @operator = new CurrentOperator(Options.Create(new NetworkOptions())) { User = "someone", Role = Role.Operator, Tenant = "a" };
        using var live = new LiveChanges(feed, @operator, TestMeters.Web(), TimeProvider.System, NullLogger<LiveChanges>.Instance);
        var dispatcher = new FailingDispatcher(failures: 0);
        live.Start(dispatcher);

        feed.Publish([new ResourceChange(NicConsole.Web.Changes.RedisChangeFeed.LostAction, [], OperationResult.Succeeded, null, "")]);

        live.Interrupted.ShouldBeTrue();
        await Task.Delay(100);
        dispatcher.Actions.ShouldBeEmpty("nothing changed that a page shows");
        feed.Publish([Change("this-node")]);
        await dispatcher.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        live.Interrupted.ShouldBeTrue("this node's own changes still come, the other nodes' do not");

        feed.Publish([new ResourceChange(NicConsole.Web.Changes.RedisChangeFeed.ResyncAction, [], OperationResult.Succeeded, null, "")]);

        live.Interrupted.ShouldBeFalse();
        await UntilAsync(() => dispatcher.Actions.Count == 2);
        dispatcher.Actions.SelectMany(a => a.Changes).Select(c => c.Action).ShouldBe(["this-node", NicConsole.Web.Changes.RedisChangeFeed.ResyncAction]);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(20);
        }
    }

    private static ResourceChange Change(string action) => new(action, ["vxnet-x"], OperationResult.Succeeded, null, "pek3a", "a");

    private sealed class FailingDispatcher(int failures) : IDispatcher
    {
        private int _calls;

        public event EventHandler<ActionDispatchedEventArgs> ActionDispatched { add { } remove { } }

        public ConcurrentQueue<ResourcesChangedAction> Actions { get; } = new();

        public TaskCompletionSource FailedTwice { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispatch(object action)
        {
            if (Interlocked.Increment(ref _calls) <= failures)
            {
                if (_calls == failures)
                {
                    FailedTwice.TrySetResult();
                }
                throw new InvalidOperationException("a reducer failed");
            }
            Actions.Enqueue((ResourcesChangedAction)action);
            Delivered.TrySetResult();
        }
    }
}
