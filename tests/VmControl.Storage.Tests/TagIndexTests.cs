namespace VmControl.Storage.Tests;

/// <summary>Tag-filtered listings served from the tag index (docs/storage.md), against Azurite.</summary>
public sealed class TagIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TagsAllOf_ListsExactlyTheVmsWithEveryTag()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var both = await CreateAsync(("run", run), ("tier", "1"));
        await CreateAsync(("run", run), ("tier", "2"));
        await CreateAsync(("tier", "1"));

        var page = await azurite.Vms.ListAsync(Query(all: [$"run={run}", "tier=1"]));

        Assert.Equal([both.Id], page.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task TagsAny_ListsEachVmOnce_AcrossPages()
    {
        var (a, b) = (Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString("N")[..8]);
        var vms = new List<VmRecord>();
        for (var i = 0; i < 5; i++)
        {
            vms.Add(await CreateAsync((a, "")));
            vms.Add(await CreateAsync((b, "")));
            vms.Add(await CreateAsync((a, ""), (b, "")));
        }

        var listed = await ListAllAsync(Query(any: [a, b], limit: 2));

        Assert.Equal(vms.Select(v => v.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ATagRemoved_TheVmLeavesTheListing_AndAnAddedOneJoinsIt()
    {
        var (old, @new) = ("old" + Guid.NewGuid().ToString("N")[..8], "new" + Guid.NewGuid().ToString("N")[..8]);
        var vm = await CreateAsync((old, ""));

        var written = await azurite.Vms.TryReplaceAsync(vm with { Tags = new Dictionary<string, string> { [@new] = "x" } });

        Assert.NotNull(written);
        Assert.Empty((await azurite.Vms.ListAsync(Query(all: [old]))).Items);
        Assert.Equal([vm.Id], (await azurite.Vms.ListAsync(Query(all: [@new + "=x"]))).Items.Select(v => v.Id));
        Assert.Empty(await new TagIndex(azurite.Tables.TagIndex).ReadAsync(old, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AnIndexRowWhoseVmDisownsTheTag_IsNotListed()
    {
        var tag = "lost" + Guid.NewGuid().ToString("N")[..8];
        var vm = await CreateAsync();
        await azurite.Vms.TryReplaceAsync(vm with { Name = "moved-on" });

        // A writer that lost its compare-and-swap after writing the index row for the tag it meant to add.
        var lost = await azurite.Vms.TryReplaceAsync(vm with { Tags = new Dictionary<string, string> { [tag] = "" } });

        Assert.Null(lost);
        Assert.Single(await new TagIndex(azurite.Tables.TagIndex).ReadAsync(tag, null, 10, CancellationToken.None));
        Assert.Empty((await azurite.Vms.ListAsync(Query(all: [tag]))).Items);
    }

    [Fact]
    public async Task OtherConditions_ApplyToTagListings_AndNegativeTagsAloneFilterTheScan()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var active = await CreateAsync(("run", run));
        var stopped = await CreateAsync(VmState.Stopped, ("run", run), ("skip", ""));

        var onlyStopped = await azurite.Vms.ListAsync(Query(all: [$"run={run}"]) with { VmState = VmState.Stopped });
        var notSkipped = await ListAllAsync(new VmQuery(Limit: 1000, NamePrefix: "tagged-" + run, Tags: new TagFilter([], [], [], ["skip"])));

        Assert.Equal([stopped.Id], onlyStopped.Items.Select(v => v.Id));
        Assert.Equal([active.Id], notSkipped);
    }

    private static VmQuery Query(string[]? all = null, string[]? any = null, int limit = 100) =>
        new(Limit: limit, Tags: new TagFilter(all ?? [], any ?? [], [], []));

    private Task<VmRecord> CreateAsync(params (string Key, string Value)[] tags) => CreateAsync(VmState.Active, tags);

    private Task<VmRecord> CreateAsync(VmState state, params (string Key, string Value)[] tags)
    {
        var run = tags.FirstOrDefault(t => t.Key == "run").Value ?? "x";
        return azurite.Vms.CreateAsync(TestData.Vm(state) with { Name = "tagged-" + run, Tags = tags.ToDictionary(t => t.Key, t => t.Value) });
    }

    private async Task<List<string>> ListAllAsync(VmQuery query)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await azurite.Vms.ListAsync(query with { ContinuationToken = token });
            Assert.True(page.Items.Count <= query.Limit);
            ids.AddRange(page.Items.Select(v => v.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }
}
