namespace VmControl.Http.Tests;

public sealed class IdempotencyTests
{
    private const string Body = """{ "name": "web-1", "size": "small", "image": "ubuntu" }""";

    [Fact]
    public async Task CreateVm_ReplayedKey_ReturnsTheFirstResponseAndStartsNothing()
    {
        await using var api = await ApiHost.StartAsync();

        using var first = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-1"));
        using var replay = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-1"));

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(first.Headers.GetValues("Operation-Location"), replay.Headers.GetValues("Operation-Location"));
        Assert.Single(api.Launcher.Starts);
        Assert.Equal(1, api.Actions.Count);
    }

    [Fact]
    public async Task CreateVm_SameKeyOtherBody_Answers422()
    {
        await using var api = await ApiHost.StartAsync();

        using var first = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-2"));
        using var other = await api.SendAsync("POST", "/api/vms", Body.Replace("web-1", "web-2", StringComparison.Ordinal), ("Idempotency-Key", "k-2"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotency_key_reuse", (await ApiHost.JsonAsync(other)).GetProperty("code").GetString());
        Assert.Single(api.Launcher.Starts);
    }

    [Fact]
    public async Task RequestAction_ReplayedKey_StartsOneTask()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var first = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("Idempotency-Key", "k-3"));
        using var replay = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("Idempotency-Key", "k-3"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Single(api.Launcher.Starts);
    }

    [Fact]
    public async Task RefusedRequest_IsNotStored_SoTheSameKeyMayBeRetried()
    {
        await using var api = await ApiHost.StartAsync();

        using var invalid = await api.SendAsync("POST", "/api/vms", """{ "name": "" }""", ("Idempotency-Key", "k-4"));
        using var valid = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-4"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
    }

    [Fact]
    public async Task SameKey_OnAnotherRoute_IsAnotherScope()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var create = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-5"));
        using var action = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("Idempotency-Key", "k-5"));

        Assert.Equal(HttpStatusCode.Accepted, action.StatusCode);
        Assert.Equal(2, api.Launcher.Starts.Count);
    }

    [Fact]
    public async Task CreateVm_KeyOlderThan24Hours_RunsAgain()
    {
        await using var api = await ApiHost.StartAsync();

        using var first = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-6"));
        api.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        using var later = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-6"));

        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await later.Content.ReadAsStringAsync());
        Assert.Equal(2, api.Launcher.Starts.Count);
    }

    [Fact]
    public async Task RequestAction_ParallelRequestsWithOneKey_StartOneTaskAndAnswerAlike()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("Idempotency-Key", "k-7"))));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Single(api.Launcher.Starts);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ExpiredKeys_AreSweptByTheHostsTimer_LiveOnesStay()
    {
        await using var api = await ApiHost.StartAsync();
        using var old = await api.SendAsync("POST", "/api/vms", Body, ("Idempotency-Key", "k-old"));
        api.Time.Advance(Idempotency.Lifetime - IdempotencySweeper.Interval);
        using var young = await api.SendAsync("POST", "/api/vms", Body.Replace("web-1", "web-2", StringComparison.Ordinal), ("Idempotency-Key", "k-young"));
        Assert.Equal(2, api.Idempotency.Count);

        // Past the old key's expiry and one sweep interval on: the timer fires once and sweeps.
        api.Time.Advance(IdempotencySweeper.Interval * 2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (api.Idempotency.Count > 1)
        {
            await Task.Delay(20, timeout.Token);
        }

        using var replay = await api.SendAsync("POST", "/api/vms", Body.Replace("web-1", "web-2", StringComparison.Ordinal), ("Idempotency-Key", "k-young"));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Sweep_StoreDown_CountsNothingAndDoesNotThrow()
    {
        var store = new ThrowingIdempotencyStore();
        var sweeper = new IdempotencySweeper(store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<IdempotencySweeper>.Instance);

        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Equal(1, store.Sweeps);
    }

    private sealed class ThrowingIdempotencyStore : IIdempotencyStore
    {
        public int Sweeps { get; private set; }

        public Task<IdempotencyRecord?> GetAsync(string scope, string key, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            throw new StoreUnavailableException("down");

        public Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken cancellationToken = default) =>
            throw new StoreUnavailableException("down");

        public Task<int> SweepExpiredAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default)
        {
            Sweeps++;
            throw new StoreUnavailableException("down");
        }
    }
}
