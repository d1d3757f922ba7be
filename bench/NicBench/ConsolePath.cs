using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Users;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// The console in headless Chromium (Debian's, driven by Playwright as the browser tests drive it) against the whole app
/// in this process: the live-update latency from a commit to the NIC row's new text in another operator's page, and the
/// memory each open NIC-list page keeps on the server with 20 and 100 sessions, against the idle process.
/// </summary>
public static class ConsolePath
{
    private const int WarmUpChanges = 5;
    private const int Parallel = 4;
    private const int BurstChanges = 50;
    private const string Operator = "bench-operator";
    private const string SignInCookie = ".NicConsole.SignIn";

    /// <summary>Records when the grid's text first contains <c>name</c>, from a MutationObserver (no polling).</summary>
    private const string WatchScript = """
        name => {
            window.__seen = null;
            const grid = () => document.getElementById('nics-grid');
            const check = () => {
                if (window.__seen === null && grid() && grid().textContent.includes(name)) {
                    window.__seen = performance.timeOrigin + performance.now();
                    observer.disconnect();
                }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            check();
        }
        """;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDomain domain, int changes, IReadOnlyList<int> sessions)
    {
        var zone = domain.Context.Zone;
        var circuits = new Circuits();
        await using var host = new BenchHost(domain, zone, s =>
        {
            s.AddSingleton(circuits);
            s.AddScoped<CircuitHandler, CircuitTracker>();
        });
        var address = host.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Pages share a few renderer processes: the browser's memory is not what is measured, the server's is.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--renderer-process-limit=6", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });

        var signedIn = await SignInOnceAsync(host, browser, address, zone);

        var live = await LatencyAsync(host, browser, address, signedIn, circuits, zone, changes);
        await UntilAsync(() => circuits.Count == 0, "the latency pages' circuits to close");

        var idle = Memory.Read();
        Console.WriteLine($"Console: idle process after one page opened and closed: managed heap {idle.ManagedMb:0.0} MB, working set {idle.WorkingSetMb:0.0} MB.");
        var open = new List<IBrowserContext>();
        var pages = new List<IPage>();
        var figures = new List<Figure>();
        foreach (var count in sessions)
        {
            var started = Stopwatch.GetTimestamp();
            await OpenSessionsAsync(browser, address, signedIn, open, pages, count - open.Count);
            await UntilAsync(() => circuits.Count == open.Count, $"{open.Count} circuits");
            foreach (var store in circuits.Stores)
            {
                await store.WhenIdle();
            }
            var after = Memory.Read();
            var managed = (after.ManagedMb - idle.ManagedMb) * 1024 / count;
            var workingSet = (after.WorkingSetMb - idle.WorkingSetMb) * 1024 / count;
            Console.WriteLine($"Console: {count} sessions open (opened in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s): managed heap {after.ManagedMb:0.0} MB, "
                + $"working set {after.WorkingSetMb:0.0} MB; per session {managed:N0} KB managed, {workingSet:N0} KB working set.");
            figures.Add(new Figure($"memory per NIC page, {count} sessions (managed)", managed, idle.ManagedMb * 1024, "KB", false, null)
            {
                FloorLabel = "idle process",
            });
            figures.Add(new Figure($"memory per NIC page, {count} sessions (working set)", workingSet, idle.WorkingSetMb * 1024, "KB", false, null)
            {
                FloorLabel = "idle process",
            });
            var (rename, reloaded, render) = await RenameCallsAsync(host, circuits, pages[0], zone, live.NicId, 10);
            Console.WriteLine($"Console: with {count} NIC pages open, a rename's use case call takes {rename:0.0} ms (p50 of 10; {live.RenameP50:0.0} ms with one page open); "
                + $"every page's store holds the new name {reloaded:0.0} ms after the commit, and the first session's page shows it after {render:0.0} ms (p95 of 10). "
                + "The browsers render on the same 2 cores as the server.");
            figures.Add(new Figure($"rename call, {count} NIC pages open", rename, live.RenameP50, "ms", false, null) { FloorLabel = "one page open" });
            figures.Add(new Figure($"commit → all {count} stores reloaded, p95", reloaded, live.StoreP95, "ms", false, null, 250) { FloorLabel = "one store reached" });
            figures.Add(new Figure($"live update p95, {count} NIC pages open", render, live.RenderP95, "ms", false, null) { FloorLabel = "one page open" });
            var burst = await BurstAsync(host, circuits, zone, live.NicId, BurstChanges);
            Console.WriteLine($"Console: a burst of {BurstChanges} renames with {count} NIC pages open: each page read its list {burst.ReadsMean:0.0} times on average "
                + $"(at most {burst.ReadsMax}), and every store held the last name {burst.SettledMs:0} ms after the last commit.");
            figures.Add(new Figure($"NIC list reads per page, burst of {BurstChanges} renames, {count} pages", burst.ReadsMean, BurstChanges, "reads", false, null)
            {
                FloorLabel = "one per change",
            });
            figures.Add(new Figure($"burst: last commit → all {count} stores current", burst.SettledMs, live.StoreP95, "ms", false, null) { FloorLabel = "one store reached" });
        }
        figures.Add(StoreHoldsOnePage(circuits, domain));
        foreach (var context in open)
        {
            await context.CloseAsync();
        }
        return [.. live.Figures, .. figures];
    }

    /// <summary>
    /// Creates the bench's Admin and signs it in once through the sign-in page, as a person would (name, password, the
    /// button); gives back the browser state (its cookie) that every session starts from, so that 100 sessions do not
    /// each pay for a password check.
    /// </summary>
    private static async Task<string> SignInOnceAsync(BenchHost host, IBrowser browser, string address, string zone)
    {
        var created = await host.Services.GetRequiredService<UserService>().CreateAsync(OperationContext.System("bench", zone),
            new NewUser(Operator, Role.Admin, OperationContext.DefaultTenant));
        var password = created.Succeeded ? created.Value : throw new InvalidOperationException($"no bench user: {created.Error}");
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Back to the (static) sign-in page afterwards, so that signing in opens no circuit of its own.
        await page.GotoAsync(address + "/login?ReturnUrl=" + Uri.EscapeDataString("/login"));
        await page.Locator("#login-name").FillAsync(Operator);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForURLAsync(address + "/login");
        if (!(await context.CookiesAsync()).Any(c => c.Name == SignInCookie))
        {
            throw new InvalidOperationException($"signing in as {Operator} set no {SignInCookie} cookie");
        }
        var state = await context.StorageStateAsync();
        await context.CloseAsync();
        return state;
    }

    /// <summary>
    /// Opens the NIC list as the signed-in operator sees it, in a browser context of its own that starts from the
    /// sign-in's state, and waits until it is interactive with its rows. The one place a session gets in.
    /// </summary>
    public static async Task<(IBrowserContext Context, IPage Page)> OpenSignedInNicPageAsync(IBrowser browser, string address, string signedIn)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = signedIn });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/nics");
        if (new Uri(page.Url).AbsolutePath != "/nics")
        {
            throw new InvalidOperationException($"a signed-in session was sent to {page.Url}");
        }
        await page.Locator("#app-root[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator(".nic-row").First.WaitForAsync(new() { Timeout = 60_000 });
        return (context, page);
    }

    private static async Task OpenSessionsAsync(IBrowser browser, string address, string signedIn, List<IBrowserContext> open, List<IPage> pages, int count)
    {
        using var gate = new SemaphoreSlim(Parallel);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var (context, page) = await OpenSignedInNicPageAsync(browser, address, signedIn);
                lock (open)
                {
                    open.Add(context);
                    pages.Add(page);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>
    /// An operator's NIC page stays open while the newest NIC is renamed through the domain, one change at a time; each
    /// change is timed from its commit (the change feed's publication) to the row's new name in that page's DOM, and to
    /// its arrival in that page's store on the server (the floor: what the browser adds is the render and the round trip).
    /// </summary>
    private static async Task<Live> LatencyAsync(BenchHost host, IBrowser browser, string address, string signedIn, Circuits circuits, string zone, int changes)
    {
        // Subscribed before any page, so that the feed (which calls its subscribers in turn) notes the commit first.
        var commits = new ConcurrentQueue<double>();
        using var feed = host.Services.GetRequiredService<IChangeFeed>().Subscribe(_ => commits.Enqueue(UnixMs()));
        var (context, page) = await OpenSignedInNicPageAsync(browser, address, signedIn);
        await using var _ = context;
        await UntilAsync(() => circuits.Count == 1, "the page's circuit");
        var store = circuits.Stores.Single();

        var nicId = (await page.Locator(".nic-row").First.Locator("td").Nth(1).InnerTextAsync()).Trim();
        var arrivals = new ConcurrentQueue<double>();
        var subscriber = new object();
        store.SubscribeToAction<ResourcesChangedAction>(subscriber, _ => arrivals.Enqueue(UnixMs()));

        var network = host.Services;
        var operatorContext = OperationContext.System("bench-live", zone);
        var render = new List<double>();
        var store2 = new List<double>();
        var calls = new List<double>();
        for (var i = 0; i < WarmUpChanges + changes; i++)
        {
            var name = $"live-{i}-{Guid.NewGuid():N}"[..24];
            await page.EvaluateAsync(WatchScript, name);
            commits.Clear();
            arrivals.Clear();
            var call = Stopwatch.GetTimestamp();
            var result = await network.GetRequiredService<ModifyNic>().RunAsync(operatorContext, new ModifyNic.Request(nicId, Name: name));
            calls.Add(Stopwatch.GetElapsedTime(call).TotalMilliseconds);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"rename refused: {result.Error}");
            }
            var seen = await (await page.WaitForFunctionAsync("() => window.__seen", null, new() { Timeout = 10_000 })).JsonValueAsync<double>();
            await UntilAsync(() => !arrivals.IsEmpty, "the change in the store");
            if (i >= WarmUpChanges && commits.TryPeek(out var commit) && arrivals.TryPeek(out var arrival))
            {
                render.Add(seen - commit);
                store2.Add(arrival - commit);
            }
            await store.WhenIdle();
        }
        store.UnsubscribeFromAllActions(subscriber);
        Console.WriteLine($"Console: live update over {changes} renames of {nicId} after {WarmUpChanges} warm-up, one other page open: "
            + $"commit -> store p50 {Report.Percentile(store2, 50):0.00} ms, commit -> row rendered p50 {Report.Percentile(render, 50):0.00} ms.");
        // Leaving the page (not only closing its browser context) lets Blazor tell the server the circuit is gone.
        await page.GotoAsync("about:blank");
        await context.CloseAsync();
        return new Live(nicId, Report.Percentile(calls, 50), Report.Percentile(store2, 95), Report.Percentile(render, 95),
        [
            new Figure("live update p50 (commit → row rendered)", Report.Percentile(render, 50), Report.Percentile(store2, 50), "ms", false, null) { FloorLabel = "commit → store" },
            new Figure("live update p95 (commit → row rendered)", Report.Percentile(render, 95), Report.Percentile(store2, 95), "ms", false, null, 250) { FloorLabel = "commit → store" },
        ]);
    }

    private sealed record Live(string NicId, double RenameP50, double StoreP95, double RenderP95, IReadOnlyList<Figure> Figures);

    /// <summary>
    /// How long the rename use case itself takes with every session's page open: the change feed calls each circuit's
    /// subscriber in turn on the committing thread, and each dispatches its page's reload.
    /// </summary>
    private static async Task<(double CallP50, double StoresP95, double RenderP95)> RenameCallsAsync(BenchHost host, Circuits circuits, IPage observer, string zone, string nicId, int count)
    {
        var network = host.Services;
        var operatorContext = OperationContext.System("bench-live", zone);
        var commits = new ConcurrentQueue<double>();
        using var feed = host.Services.GetRequiredService<IChangeFeed>().Subscribe(_ => commits.Enqueue(UnixMs()));
        var calls = new List<double>();
        var renders = new List<double>();
        var stores = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var name = $"many-{i}-{Guid.NewGuid():N}"[..24];
            await observer.EvaluateAsync(WatchScript, name);
            commits.Clear();
            var start = Stopwatch.GetTimestamp();
            var result = await network.GetRequiredService<ModifyNic>().RunAsync(operatorContext, new ModifyNic.Request(nicId, Name: name));
            calls.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"rename refused: {result.Error}");
            }
            await UntilAsync(() => circuits.Stores.All(s => NicsOf(s).Items.Any(n => n.Name == name)), "every store to hold the new name");
            var reloaded = UnixMs();
            var seen = await (await observer.WaitForFunctionAsync("() => window.__seen", null, new() { Timeout = 60_000 })).JsonValueAsync<double>();
            if (commits.TryPeek(out var commit))
            {
                renders.Add(seen - commit);
                stores.Add(reloaded - commit);
            }
            foreach (var store in circuits.Stores)
            {
                await store.WhenIdle();
            }
        }
        return (Report.Percentile(calls, 50), Report.Percentile(stores, 95), Report.Percentile(renders, 95));
    }

    /// <summary>
    /// Renames the NIC <paramref name="count"/> times back to back, as a script on the API would, and counts how often
    /// each open page reads its list: a read asked for while one runs waits, and of those waiting only the newest runs,
    /// so a page reads far fewer times than there are changes; and how long after the last commit every store has it.
    /// </summary>
    private static async Task<(double ReadsMean, int ReadsMax, double SettledMs)> BurstAsync(BenchHost host, Circuits circuits, string zone, string nicId, int count)
    {
        var network = host.Services;
        var operatorContext = OperationContext.System("bench-burst", zone);
        var stores = circuits.Stores;
        var reads = new int[stores.Count];
        var heard = new int[stores.Count];
        var subscriber = new object();
        for (var i = 0; i < stores.Count; i++)
        {
            var index = i;
            stores[i].SubscribeToAction<LoadNicsSucceededAction>(subscriber, _ => Interlocked.Increment(ref reads[index]));
            stores[i].SubscribeToAction<ResourcesChangedAction>(subscriber, a => Interlocked.Add(ref heard[index], a.Changes.Count));
        }
        var last = "";
        for (var i = 0; i < count; i++)
        {
            last = $"burst-{i}-{Guid.NewGuid():N}"[..24];
            var result = await network.GetRequiredService<ModifyNic>().RunAsync(operatorContext, new ModifyNic.Request(nicId, Name: last));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"rename refused: {result.Error}");
            }
        }
        var committed = Stopwatch.GetTimestamp();
        await UntilAsync(() => stores.All(s => NicsOf(s).Items.Any(n => n.Name == last)), "every store to hold the burst's last name");
        var settled = Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
        // Each circuit hears the changes on the thread pool: count its reads once it has heard all of them and is idle.
        await UntilAsync(() => heard.All(h => Volatile.Read(ref h) >= count), "every store to hear every change");
        foreach (var store in stores)
        {
            await store.WhenIdle();
            store.UnsubscribeFromAllActions(subscriber);
        }
        return (reads.Average(), reads.Max(), settled);
    }

    /// <summary>Every open circuit's NIC list state holds one page (at most its limit), not the table.</summary>
    private static Figure StoreHoldsOnePage(Circuits circuits, BenchDomain domain)
    {
        var states = circuits.Stores.Select(NicsOf).ToList();
        int table;
        using (var db = domain.Db())
        {
            table = db.Nics.Count();
        }
        var largest = states.Max(s => s.Items.Count);
        var limit = states.Max(s => s.Query.Page.EffectiveLimit);
        var onePage = states.All(s => s.Items.Count <= s.Query.Page.EffectiveLimit && s.Items.Count < table);
        Console.WriteLine($"Console: {states.Count} open NIC-list stores hold at most {largest} rows each (page limit {limit}; table {table:N0} NICs, totals shown {states.Max(s => s.TotalCount):N0}): "
            + (onePage ? "one page each." : "MORE THAN ONE PAGE."));
        return new Figure("NIC rows held per page's store", largest, limit, "rows", false, 1) { FloorLabel = "one page" };
    }

    private static NicsState NicsOf(IStore store) =>
        (NicsState)store.Features.Values.Single(f => f.GetStateType() == typeof(NicsState)).GetState()!;

    private static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"waited 60 s for {what}");
            }
            await Task.Delay(5);
        }
    }

    private sealed record Memory(double ManagedMb, double WorkingSetMb)
    {
        /// <summary>After forced, compacting, blocking collections: what is retained, not what awaits collection.</summary>
        public static Memory Read()
        {
            for (var i = 0; i < 3; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return new Memory(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, process.WorkingSet64 / 1048576.0);
        }
    }

    /// <summary>The store of each open circuit (one browser page each).</summary>
    public sealed class Circuits
    {
        private readonly ConcurrentDictionary<string, IStore> _open = new();

        public int Count => _open.Count;

        public IReadOnlyList<IStore> Stores => [.. _open.Values];

        public void Opened(string id, IStore store) => _open[id] = store;

        public void Closed(string id) => _open.TryRemove(id, out _);
    }

    private sealed class CircuitTracker(Circuits circuits, IStore store) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            circuits.Opened(circuit.Id, store);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            circuits.Closed(circuit.Id);
            return Task.CompletedTask;
        }
    }
}
