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
/// memory each open NIC-list page keeps on the server with 20 and 100 sessions, against the idle process. The sessions
/// each show one VxNet's NICs (<c>/nics?vxnet=…</c>): every fifth the VxNet whose NIC is renamed, the others a VxNet
/// of their own; a rename must read on the pages that show it and nowhere else.
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
        var pages = new List<(IPage Page, string VxNet)>();
        var figures = new List<Figure>();
        var (changed, others) = await VxNetsAsync(domain, sessions.Max());
        foreach (var count in sessions)
        {
            var started = Stopwatch.GetTimestamp();
            await OpenSessionsAsync(browser, address, signedIn, open, pages,
                Enumerable.Range(open.Count, count - open.Count).Select(i => i % 5 == 0 ? changed : others[i]).ToList());
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
            var affected = pages.Count(p => p.VxNet == changed);
            // A NIC on the pages' first page of that VxNet (its newest).
            var renamed = NicsOf(circuits.Stores.First(s => Shows(s, changed))).Items[0].Id;
            var observer = pages.First(p => p.VxNet == changed).Page;
            var calls = await RenameCallsAsync(host, circuits, observer, zone, changed, renamed, 10);
            Console.WriteLine($"Console: with {count} NIC pages open ({affected} on the renamed NIC's VxNet, the others each on a VxNet of its own), a rename's use case call takes "
                + $"{calls.CallP50:0.0} ms (p50 of 10; {live.RenameP50:0.0} ms with one page open); the {affected} affected stores hold the new name {calls.StoresP95:0.0} ms after "
                + $"the commit, and an affected page shows it after {calls.RenderP95:0.0} ms (p95 of 10). Reads per change: {calls.AffectedReads:0.00} per affected page, "
                + $"{calls.OtherReads:0.00} per other page. The browsers render on the same 2 cores as the server.");
            figures.Add(new Figure($"rename call, {count} NIC pages open", calls.CallP50, live.RenameP50, "ms", false, null) { FloorLabel = "one page open" });
            figures.Add(new Figure($"commit → all {affected} affected stores reloaded ({count} open), p95", calls.StoresP95, live.StoreP95, "ms", false, null, 250)
            {
                FloorLabel = "one store reached",
            });
            figures.Add(new Figure($"live update p95, {count} NIC pages open", calls.RenderP95, live.RenderP95, "ms", false, null) { FloorLabel = "one page open" });
            figures.Add(new Figure($"NIC list reads per change, affected page ({count} open)", calls.AffectedReads, 1, "reads", false, null) { FloorLabel = "one per change" });
            figures.Add(new Figure($"NIC list reads per change, page on another VxNet ({count} open)", calls.OtherReads, 0, "reads", false, null) { FloorLabel = "none" });
            var burst = await BurstAsync(host, circuits, zone, changed, renamed, BurstChanges);
            Console.WriteLine($"Console: a burst of {BurstChanges} renames with {count} NIC pages open: each affected page read its list {burst.ReadsMean:0.0} times on average "
                + $"(at most {burst.ReadsMax}), the other pages {burst.OtherReads} times in all, and every affected store held the last name {burst.SettledMs:0} ms after the last commit.");
            figures.Add(new Figure($"NIC list reads per affected page, burst of {BurstChanges} renames, {count} pages", burst.ReadsMean, BurstChanges, "reads", false, null)
            {
                FloorLabel = "one per change",
            });
            figures.Add(new Figure($"burst: last commit → all {affected} affected stores current", burst.SettledMs, live.StoreP95, "ms", false, null) { FloorLabel = "one store reached" });
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
    public static async Task<(IBrowserContext Context, IPage Page)> OpenSignedInNicPageAsync(IBrowser browser, string address, string signedIn, string? vxnet = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = signedIn });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/nics" + (vxnet is null ? "" : "?vxnet=" + vxnet));
        if (new Uri(page.Url).AbsolutePath != "/nics")
        {
            throw new InvalidOperationException($"a signed-in session was sent to {page.Url}");
        }
        await page.Locator("#app-root[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator(".nic-row").First.WaitForAsync(new() { Timeout = 60_000 });
        return (context, page);
    }

    private static async Task OpenSessionsAsync(IBrowser browser, string address, string signedIn, List<IBrowserContext> open, List<(IPage, string)> pages,
        IReadOnlyList<string> vxnets)
    {
        using var gate = new SemaphoreSlim(Parallel);
        await Task.WhenAll(vxnets.Select(async vxnet =>
        {
            await gate.WaitAsync();
            try
            {
                var (context, page) = await OpenSignedInNicPageAsync(browser, address, signedIn, vxnet);
                lock (open)
                {
                    open.Add(context);
                    pages.Add((page, vxnet));
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
    /// The VxNet whose NIC the sessions see renamed (the first with NICs), and VxNets of their own for the other sessions
    /// (each with NICs, so that every page has rows to show).
    /// </summary>
    private static async Task<(string Changed, IReadOnlyList<string> Others)> VxNetsAsync(BenchDomain domain, int sessions)
    {
        await using var db = domain.Db();
        var withNics = await db.Nics.GroupBy(n => n.VxNetId).Where(g => g.Count() >= 2).OrderBy(g => g.Key).Select(g => g.Key).Take(sessions + 1).ToListAsync();
        if (withNics.Count < sessions + 1)
        {
            throw new InvalidOperationException($"{sessions} sessions need {sessions + 1} VxNets with NICs; the data set has {withNics.Count}");
        }
        return (withNics[0], withNics.Skip(1).ToList());
    }

    /// <summary>The open stores whose NIC page shows <paramref name="vxnet"/>'s NICs.</summary>
    private static bool Shows(IStore store, string vxnet) => NicsOf(store).Query.VxNetIds.Contains(vxnet);

    /// <summary>
    /// How long the rename use case itself takes with every session's page open (the change feed calls each circuit's
    /// subscriber in turn on the committing thread), how soon the pages that show the NIC's VxNet have it, and how often
    /// each page read its list per change: once on an affected page, never on another.
    /// </summary>
    private static async Task<Calls> RenameCallsAsync(BenchHost host, Circuits circuits, IPage observer, string zone, string vxnet, string nicId, int count)
    {
        var network = host.Services;
        var operatorContext = OperationContext.System("bench-live", zone);
        var commits = new ConcurrentQueue<double>();
        using var feed = host.Services.GetRequiredService<IChangeFeed>().Subscribe(_ => commits.Enqueue(UnixMs()));
        var stores = circuits.Stores;
        var affected = stores.Where(s => Shows(s, vxnet)).ToList();
        using var reads = new ReadCounter(stores);
        var calls = new List<double>();
        var renders = new List<double>();
        var reloads = new List<double>();
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
            await UntilAsync(() => affected.All(s => NicsOf(s).Items.Any(n => n.Name == name)), "every affected store to hold the new name");
            var reloaded = UnixMs();
            var seen = await (await observer.WaitForFunctionAsync("() => window.__seen", null, new() { Timeout = 60_000 })).JsonValueAsync<double>();
            if (commits.TryPeek(out var commit))
            {
                renders.Add(seen - commit);
                reloads.Add(reloaded - commit);
            }
            await reads.HeardAsync(i + 1);
        }
        var (affectedReads, otherReads) = reads.PerPage(s => Shows(s, vxnet));
        return new Calls(Report.Percentile(calls, 50), Report.Percentile(reloads, 95), Report.Percentile(renders, 95), affectedReads / count, otherReads / count);
    }

    private sealed record Calls(double CallP50, double StoresP95, double RenderP95, double AffectedReads, double OtherReads);

    /// <summary>
    /// Renames the NIC <paramref name="count"/> times back to back, as a script on the API would, and counts how often
    /// each open page reads its list: on an affected page a read asked for while one runs waits, and of those waiting only
    /// the newest runs, so it reads far fewer times than there are changes; a page on another VxNet reads nothing. And how
    /// long after the last commit every affected store has the last name.
    /// </summary>
    private static async Task<(double ReadsMean, int ReadsMax, int OtherReads, double SettledMs)> BurstAsync(BenchHost host, Circuits circuits, string zone, string vxnet,
        string nicId, int count)
    {
        var network = host.Services;
        var operatorContext = OperationContext.System("bench-burst", zone);
        var stores = circuits.Stores;
        var affected = stores.Where(s => Shows(s, vxnet)).ToList();
        using var reads = new ReadCounter(stores);
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
        await UntilAsync(() => affected.All(s => NicsOf(s).Items.Any(n => n.Name == last)), "every affected store to hold the burst's last name");
        var settled = Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
        await reads.HeardAsync(count);
        var onAffected = reads.Of(s => Shows(s, vxnet));
        return (onAffected.Average(), onAffected.Max(), reads.Of(s => !Shows(s, vxnet)).Sum(), settled);
    }

    /// <summary>
    /// Counts each open store's list reads and the changes it heard (each circuit hears them on the thread pool): reads
    /// are counted once a store has heard every change and is idle.
    /// </summary>
    private sealed class ReadCounter : IDisposable
    {
        private readonly IReadOnlyList<IStore> _stores;
        private readonly int[] _reads;
        private readonly int[] _heard;
        private readonly object _subscriber = new();

        public ReadCounter(IReadOnlyList<IStore> stores)
        {
            _stores = stores;
            _reads = new int[stores.Count];
            _heard = new int[stores.Count];
            for (var i = 0; i < stores.Count; i++)
            {
                var index = i;
                stores[i].SubscribeToAction<LoadNicsAction>(_subscriber, _ => Interlocked.Increment(ref _reads[index]));
                stores[i].SubscribeToAction<ResourcesChangedAction>(_subscriber, a => Interlocked.Add(ref _heard[index], a.Changes.Count));
            }
        }

        public async Task HeardAsync(int changes)
        {
            await UntilAsync(() => _heard.All(h => Volatile.Read(ref h) >= changes), "every store to hear every change");
            foreach (var store in _stores)
            {
                await store.WhenIdle();
            }
        }

        public IReadOnlyList<int> Of(Func<IStore, bool> which) => [.. _stores.Select((s, i) => (s, i)).Where(x => which(x.s)).Select(x => Volatile.Read(ref _reads[x.i]))];

        /// <summary>The mean reads of the pages <paramref name="affected"/> picks, and of the others.</summary>
        public (double Affected, double Others) PerPage(Func<IStore, bool> affected)
        {
            var mine = Of(affected);
            var others = Of(s => !affected(s));
            return (mine.Count == 0 ? 0 : mine.Average(), others.Count == 0 ? 0 : others.Average());
        }

        public void Dispose()
        {
            foreach (var store in _stores)
            {
                store.UnsubscribeFromAllActions(_subscriber);
            }
        }
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
