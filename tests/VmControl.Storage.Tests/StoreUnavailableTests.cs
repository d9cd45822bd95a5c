namespace VmControl.Storage.Tests;

public sealed class StoreUnavailableTests
{
    // Port 1 on loopback: nothing listens there, so every call is refused at once.
    private static readonly TableStorageOptions Nowhere = new()
    {
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
        MaxRetries = 0,
        NetworkTimeout = TimeSpan.FromSeconds(5),
    };

    private readonly StorageTables tables = new(TableServiceClientFactory.Create(Nowhere), Nowhere);

    [Fact]
    public async Task VmStore_StorageDoesNotAnswer_ThrowsStoreUnavailable()
    {
        var store = new TableVmStore(tables);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(VmIds.New()));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CreateAsync(TestData.Vm()));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListAsync(new VmQuery()));
    }

    [Fact]
    public async Task OtherStores_StorageDoesNotAnswer_ThrowStoreUnavailable()
    {
        await Assert.ThrowsAsync<StoreUnavailableException>(() => new TableActionLog(tables).ListAsync(VmIds.New(), 10, null));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => new TableAlertStore(tables).ListAsync(new AlertQuery()));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => new TableIdempotencyStore(tables).GetAsync("s", "k", TestData.Now));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => tables.EnsureTablesAsync());
    }
}
