namespace VmControl.Storage.Tests;

public sealed class VmStorePagingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly IVmStore store = azurite.Vms;

    [Fact]
    public async Task PagingAcross2500Vms_ReturnsEachExactlyOnce()
    {
        var ids = Enumerable.Range(0, 2500).Select(_ => VmIds.New()).ToList();
        await Parallel.ForEachAsync(
            ids,
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (id, ct) => await store.CreateAsync(TestData.Vm() with { Id = id }, ct));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(new VmQuery(Limit: 700, ContinuationToken: token));
            Assert.True(page.Items.Count <= 700);
            seen.AddRange(page.Items.Select(v => v.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(2500, seen.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.InRange(pages, 4, 5);

        var filtered = await store.ListAsync(new VmQuery(VmState.Active, PowerState: PowerState.Running, Limit: 1000));
        Assert.Equal(1000, filtered.Items.Count);
    }
}
