namespace VmControl.Storage.Tests;

public sealed class VmStoreRecordTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly IVmStore store = azurite.Vms;

    [Fact]
    public async Task CreateThenGet_EveryFieldRoundTrips()
    {
        var vm = TestData.Vm(VmState.Resized, PowerState.Shutdown, TaskState.ResizeConfirming) with
        {
            Tags = new Dictionary<string, string> { ["env"] = "prod", ["quote"] = "it's \"x\"", ["ünï"] = "ß" },
            Description = "the web tier's first machine ✓",
            AccessIPv4 = "203.0.113.7",
            AccessIPv6 = "2001:db8::7",
            PowerStateDetail = "deallocated",
            PowerStateObservedAt = TestData.Now.AddSeconds(3),
            StateBeforeResize = VmState.Stopped,
            SizeBeforeResize = "Standard_B1s",
            CurrentActionId = ActionIds.New(TestData.Now),
            TaskDeadline = TestData.Now.AddMinutes(30),
            Fault = new VmFault(VmAction.Start, ActionIds.New(TestData.Now), "hypervisor", "boom", TestData.Now.AddTicks(1234567)),
            ExternalId = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/web-1",
            DriftPasses = 2,
            DriftSince = TestData.Now.AddSeconds(-90),
        };

        var created = await store.CreateAsync(vm);
        var read = await store.GetAsync(vm.Id);

        Assert.False(string.IsNullOrEmpty(created.ETag));
        VmAssert.Same(created, read);
    }

    [Fact]
    public async Task Create_ExistingId_ThrowsInvalidOperation()
    {
        var vm = await store.CreateAsync(TestData.Vm());

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateAsync(vm with { ETag = null }));
    }

    [Fact]
    public async Task Create_FiftyTagsAtTheirLongest_RoundTrips()
    {
        // 50 x (512 + 256) chars is more than one string property holds; the store splits it.
        var tags = Enumerable.Range(0, 50).ToDictionary(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('k', 509), _ => new string('v', 256));
        var vm = TestData.Vm() with { Tags = tags };

        await store.CreateAsync(vm);

        Assert.Equal(tags, (await store.GetAsync(vm.Id))!.Tags);
    }

    [Theory]
    [InlineData("' or true or '")]
    [InlineData("vm-0000000000000000' or PartitionKey ne '")]
    [InlineData("../vm-0000000000000000")]
    [InlineData("VM-0123456789ABCDEF")]
    [InlineData("")]
    public async Task Get_IdThisServiceNeverIssues_ReturnsNull(string id)
    {
        await store.CreateAsync(TestData.Vm());

        Assert.Null(await store.GetAsync(id));
    }

    [Fact]
    public async Task Create_IdThisServiceNeverIssues_IsRefusedBeforeStorage()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(TestData.Vm() with { Id = "web/1" }));
    }

    [Fact]
    public async Task HardDeletedVm_StaysReadableAndListedAsTombstone()
    {
        var vm = await store.CreateAsync(TestData.Vm());
        var deleteId = ActionIds.New(TestData.Now);
        await new TaskLock(store).ForceDeletingAsync(vm.Id, deleteId, TestData.Now, deadline: null);
        await new TaskLock(store).UpdateIfHeldAsync(
            vm.Id, TaskState.Deleting, deleteId, r => r with { VmState = VmState.HardDeleted, TaskState = null, PowerState = PowerState.NoState });

        var read = await store.GetAsync(vm.Id);
        var listed = await store.ListAsync(new VmQuery(VmState: VmState.HardDeleted, Limit: 1000));

        Assert.Equal(VmState.HardDeleted, read!.VmState);
        Assert.Contains(listed.Items, v => v.Id == vm.Id);
        Assert.Null(await new TaskLock(store).ForceDeletingAsync(vm.Id, ActionIds.New(TestData.Now), TestData.Now, deadline: null));
    }
}
