namespace VmControl.Storage.Tests;

public sealed class IdempotencyStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly IIdempotencyStore store = azurite.Idempotency;

    [Fact]
    public async Task AddThenGet_ReturnsTheFirstResponse()
    {
        var record = Record("POST /api/vms", Guid.NewGuid().ToString(), TestData.Now);

        var added = await store.TryAddAsync(record);
        var read = await store.GetAsync(record.Scope, record.Key, TestData.Now.AddHours(23));

        Assert.True(added);
        Assert.NotNull(read);
        Assert.Equal(record.Headers, read.Headers);
        Assert.Equal(record with { Headers = read.Headers }, read);
    }

    [Fact]
    public async Task TryAdd_UnexpiredKeyExists_ReturnsFalseAndKeepsTheFirst()
    {
        var key = Guid.NewGuid().ToString();
        var first = Record("POST /api/vms", key, TestData.Now);
        await store.TryAddAsync(first);

        var again = await store.TryAddAsync(first with { Body = "{\"second\":true}", CreatedAt = TestData.Now.AddHours(1) });

        Assert.False(again);
        Assert.Equal(first.Body, (await store.GetAsync(first.Scope, key, TestData.Now.AddHours(2)))!.Body);
    }

    [Fact]
    public async Task Expired_IsNotReturnedAndCanBeReplaced()
    {
        var key = Guid.NewGuid().ToString();
        var first = Record("POST /api/vms", key, TestData.Now);
        await store.TryAddAsync(first);

        var afterExpiry = TestData.Now + Day;
        var expired = await store.GetAsync(first.Scope, key, afterExpiry);
        var replaced = await store.TryAddAsync(Record(first.Scope, key, afterExpiry) with { Body = "{\"second\":true}" });

        Assert.Null(expired);
        Assert.True(replaced);
        Assert.Equal("{\"second\":true}", (await store.GetAsync(first.Scope, key, afterExpiry.AddMinutes(1)))!.Body);
    }

    [Fact]
    public async Task ScopesAreSeparateAndKeysAreUserText()
    {
        const string Key = "' or true or '/#?\\";
        await store.TryAddAsync(Record("POST /api/vms", Key, TestData.Now));

        Assert.NotNull(await store.GetAsync("POST /api/vms", Key, TestData.Now));
        Assert.Null(await store.GetAsync("DELETE /api/vms/x", Key, TestData.Now));
        Assert.True(await store.TryAddAsync(Record("DELETE /api/vms/x", Key, TestData.Now)));
    }

    [Fact]
    public async Task TwentyConcurrentAdds_OneWins()
    {
        var key = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.TryAddAsync(Record("POST /api/vms", key, TestData.Now))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task SweepExpired_DeletesOnlyExpiredRows_AtMostMaxRowsAPass()
    {
        // Days before the other tests' rows, so a sweep at "now" here never reaches theirs (they share the table).
        var now = TestData.Now.AddDays(-5);
        var expired = Enumerable.Range(0, 3).Select(_ => Record("POST /api/vms", Guid.NewGuid().ToString(), now.AddDays(-5))).ToList();
        var live = Record("POST /api/vms", Guid.NewGuid().ToString(), now.AddHours(-12));
        foreach (var record in expired.Append(live))
        {
            Assert.True(await store.TryAddAsync(record));
        }

        var first = await store.SweepExpiredAsync(now, maxRows: 2);
        var second = await store.SweepExpiredAsync(now, maxRows: 2);
        var third = await store.SweepExpiredAsync(now, maxRows: 2);

        Assert.Equal((2, 1, 0), (first, second, third));
        Assert.NotNull(await store.GetAsync(live.Scope, live.Key, now));
        foreach (var record in expired)
        {
            // Gone, not just expired: a new add is a plain insert again.
            Assert.Null(await store.GetAsync(record.Scope, record.Key, now.AddDays(-6)));
        }
    }

    private static IdempotencyRecord Record(string scope, string key, DateTimeOffset at) => new(
        scope,
        key,
        "sha256:abc",
        202,
        "{\"id\":\"vm-0123456789abcdef\"}",
        new Dictionary<string, string> { ["Location"] = "/api/vms/vm-0123456789abcdef" },
        at,
        at + Day);
}
