namespace VmControl.Storage.Tests;

public sealed class AlertStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly IAlertStore alerts = azurite.Alerts;

    [Fact]
    public async Task TwentyConcurrentOpenOrBumps_OneAlertWithCountTwenty()
    {
        var vmId = VmIds.New();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => alerts.OpenOrBumpAsync(Mismatch(vmId, TestData.Now.AddSeconds(i)))));

        Assert.Single(results, r => r.Opened);
        Assert.Single(results.Select(r => r.Alert.Id).Distinct());
        var listed = await alerts.ListAsync(new AlertQuery(VmId: vmId));
        var alert = Assert.Single(listed.Items);
        Assert.Equal(20, alert.Count);
        Assert.Equal(AlertStatus.Open, alert.Status);
    }

    [Fact]
    public async Task Acknowledge_KeepsTheAlertActiveAndBumpable()
    {
        var vmId = VmIds.New();
        var (opened, _) = await alerts.OpenOrBumpAsync(Mismatch(vmId, TestData.Now));

        var acknowledged = await alerts.AcknowledgeAsync(opened.Id, "looking", "alice", TestData.Now.AddMinutes(1));
        var (bumped, reopened) = await alerts.OpenOrBumpAsync(Mismatch(vmId, TestData.Now.AddMinutes(2)));

        Assert.Equal(AlertStatus.Acknowledged, acknowledged!.Status);
        Assert.Equal("looking", acknowledged.AcknowledgeNote);
        Assert.False(reopened);
        Assert.Equal(opened.Id, bumped.Id);
        Assert.Equal(AlertStatus.Acknowledged, bumped.Status);
        Assert.Equal(2, bumped.Count);
        Assert.Equal(AlertStatus.Acknowledged, (await alerts.GetAsync(opened.Id))!.Status);
        Assert.Null(await alerts.AcknowledgeAsync("' or true or '", null, "alice", TestData.Now));
    }

    [Fact]
    public async Task ResolveThenOpen_CreatesANewAlert()
    {
        var vmId = VmIds.New();
        var (first, _) = await alerts.OpenOrBumpAsync(Mismatch(vmId, TestData.Now));

        var resolved = await alerts.ResolveAsync(vmId, AlertKind.PowerMismatch, TestData.Now.AddMinutes(1));
        var resolvedAgain = await alerts.ResolveAsync(vmId, AlertKind.PowerMismatch, TestData.Now.AddMinutes(1));
        var (second, opened) = await alerts.OpenOrBumpAsync(Mismatch(vmId, TestData.Now.AddMinutes(2)));

        Assert.True(resolved);
        Assert.False(resolvedAgain);
        Assert.True(opened);
        Assert.NotEqual(first.Id, second.Id);
        var old = await alerts.GetAsync(first.Id);
        Assert.Equal(AlertStatus.Resolved, old!.Status);
        Assert.Equal(TestData.Now.AddMinutes(1), old.ResolvedAt);
        Assert.Equal(second.Id, (await alerts.GetActiveAsync(vmId, AlertKind.PowerMismatch))!.Id);
        var history = await alerts.ListAsync(new AlertQuery(VmId: vmId));
        Assert.Equal([second.Id, first.Id], history.Items.Select(a => a.Id));
        var open = await alerts.ListAsync(new AlertQuery(AlertStatus.Open, vmId, AlertKind.PowerMismatch));
        Assert.Equal([second.Id], open.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task KindsAreIndependent()
    {
        var vmId = VmIds.New();

        var (mismatch, _) = await alerts.OpenOrBumpAsync(Mismatch(vmId, TestData.Now));
        var (stuck, opened) = await alerts.OpenOrBumpAsync(Mismatch(vmId, TestData.Now) with { Kind = AlertKind.StuckTask });

        Assert.True(opened);
        Assert.NotEqual(mismatch.Id, stuck.Id);
        Assert.Equal([stuck.Id], (await alerts.ListAsync(new AlertQuery(VmId: vmId, Kind: AlertKind.StuckTask))).Items.Select(a => a.Id));
    }

    [Fact]
    public async Task VmIdWithQuotesAndODataSyntax_MatchesLiterallyAndLeaksNothing()
    {
        var known = VmIds.New();
        const string Hostile = "' or true or '";
        const string ArmId = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/it's";
        await alerts.OpenOrBumpAsync(Mismatch(known, TestData.Now));
        var (unknown, _) = await alerts.OpenOrBumpAsync(Mismatch(ArmId, TestData.Now) with { Kind = AlertKind.UnknownOnHypervisor });

        var hostile = await alerts.ListAsync(new AlertQuery(VmId: Hostile));
        var exact = await alerts.ListAsync(new AlertQuery(VmId: ArmId));
        var partial = await alerts.ListAsync(new AlertQuery(VmId: "' or VmId ne '"));

        Assert.Empty(hostile.Items);
        Assert.Empty(partial.Items);
        Assert.Equal([unknown.Id], exact.Items.Select(a => a.Id));
        Assert.Equal(ArmId, (await alerts.GetAsync(unknown.Id))!.VmId);
        Assert.Null(await alerts.GetActiveAsync(Hostile, AlertKind.PowerMismatch));
    }

    [Fact]
    public async Task Get_MalformedId_ReturnsNull()
    {
        Assert.Null(await alerts.GetAsync("nope"));
        Assert.Null(await alerts.GetAsync(VmIds.New() + "." + ActionIds.New(TestData.Now)));
        Assert.Null(await alerts.GetAsync("vm-0000000000000000.a' or true or '"));
    }

    private static AlertRecord Mismatch(string vmId, DateTimeOffset at) => new()
    {
        Id = string.Empty,
        VmId = vmId,
        Kind = AlertKind.PowerMismatch,
        VmState = VmState.Active,
        ExpectedPowerStates = [PowerState.Running],
        ObservedPowerState = PowerState.Shutdown,
        FirstSeenAt = at,
        LastSeenAt = at,
        Message = "active but shut down",
    };
}
