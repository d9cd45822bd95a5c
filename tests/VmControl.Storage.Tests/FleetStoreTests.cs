using VmControl.Application.Events;
using VmControl.Application.Fleet;

namespace VmControl.Storage.Tests;

/// <summary>The fleet table on Azurite: the operation's round trip and compare-and-swap, its progress events in the
/// write's transaction, the listing (newest first, by project, never the events' rows) and the per-VM results.</summary>
public sealed class FleetStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static FleetOperation New(string project = "team-a", DateTimeOffset? at = null) => new()
    {
        Id = FleetIds.New(at ?? DateTimeOffset.UtcNow),
        Action = VmAction.Resize,
        Parameters = new Dictionary<string, string> { ["size"] = "large" },
        Selector = new Selector { Tags = new TagFilter(["env=prod"], ["a", "b"], [], ["frozen"]), VmState = VmState.Active, IdleOnly = true, NamePrefix = "web-" },
        Tiers = [new Selector { Tags = new TagFilter(["role=db"], [], [], []) }, new Selector { PowerState = PowerState.Running }],
        TierDelay = TimeSpan.FromSeconds(30),
        Readiness = new FleetReadiness(FleetReadinessCondition.VmState, VmState.Active, TimeSpan.FromMinutes(5)),
        Concurrency = 7,
        CreatedBy = "alice",
        CreatorRole = Role.Operator,
        Project = project,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Operation_RoundTrips_AndChangesOnlyByCompareAndSwap()
    {
        var created = await fixture.Fleet.CreateAsync(New());

        var read = await fixture.Fleet.GetAsync(created.Id);

        Assert.NotNull(read);
        Assert.Equal(created with { ETag = read!.ETag, Stored = read.Stored, Parameters = read.Parameters, Selector = read.Selector, Tiers = read.Tiers }, read);
        Assert.Equal(created.Parameters, read.Parameters);
        Assert.Equal(["env=prod"], read.Selector!.Tags.All);
        Assert.Equal((VmState.Active, true, "web-"), (read.Selector.VmState, read.Selector.IdleOnly, read.Selector.NamePrefix));
        Assert.Equal(PowerState.Running, read.Tiers[1].PowerState);
        var moved = await fixture.Fleet.TryReplaceAsync(read with { CancelRequested = true });
        Assert.NotNull(moved);
        Assert.Null(await fixture.Fleet.TryReplaceAsync(read with { Concurrency = 1 }));
        Assert.Equal((true, 7), ((await fixture.Fleet.GetAsync(created.Id))!.CancelRequested, (await fixture.Fleet.GetAsync(created.Id))!.Concurrency));
    }

    [Fact]
    public async Task ProgressWrites_PublishStartedTierAndCompleted_InTheirTransaction()
    {
        var op = await fixture.Fleet.CreateAsync(New());
        var subject = FleetEvents.SubjectOf(op.Id);

        var running = await fixture.Fleet.TryReplaceAsync(op with { Status = FleetStatus.Running, TierCount = 2, VmCount = 4 });
        Assert.Null(await fixture.Fleet.TryReplaceAsync(op with { Status = FleetStatus.Failed }));
        var tier = await fixture.Fleet.TryReplaceAsync(running! with { CurrentTier = 1 });
        var ended = await fixture.Fleet.TryReplaceAsync(tier! with
        {
            Status = FleetStatus.Succeeded, FinalCounts = new Dictionary<string, int> { ["succeeded"] = 4 }, EndedAt = DateTimeOffset.UtcNow,
        });
        await fixture.Fleet.TryReplaceAsync(ended! with { UpdatedAt = DateTimeOffset.UtcNow });

        Assert.Equal(
            [EventTypes.FleetStarted, EventTypes.FleetTierStarted, EventTypes.FleetCompleted],
            fixture.Sink.Of(subject).Select(e => e.Type));
        var waiting = await fixture.Outbox.ReadPendingAsync(OutboxTable.Fleet, FleetEvents.OutboxPartition);
        Assert.Equal(fixture.Sink.Of(subject).Select(e => e.Id), waiting.Where(e => e.Event.Subject == subject).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task List_IsNewestFirst_ByProject_AndNeverShowsTheEventsRows()
    {
        var project = "p" + Guid.NewGuid().ToString("N")[..8];
        var older = await fixture.Fleet.CreateAsync(New(project, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var newer = await fixture.Fleet.CreateAsync(New(project));
        await fixture.Fleet.TryReplaceAsync(newer with { Status = FleetStatus.Running });
        await fixture.Fleet.CreateAsync(New("someone-else"));

        var page = await fixture.Fleet.ListAsync(project, 10, null);

        Assert.Equal([newer.Id, older.Id], page.Items.Select(o => o.Id));
        Assert.Contains((await fixture.Fleet.ListAsync(null, 1000, null)).Items, o => o.Project == "someone-else");
    }

    [Fact]
    public async Task Results_AreWrittenInBatches_AndReplacedPerVm()
    {
        var op = await fixture.Fleet.CreateAsync(New());
        var rows = Enumerable.Range(0, 250).Select(i => new FleetVmResult($"vm-{i:x16}", 1 + (i % 3), FleetVmStatus.Pending)).ToList();

        await fixture.Fleet.WriteResultsAsync(op.Id, rows);
        await fixture.Fleet.WriteResultsAsync(op.Id, [rows[7] with { Status = FleetVmStatus.Failed, ActionId = "act-1", Code = "boom", Message = new string('x', 5000) }]);
        var read = await fixture.Fleet.ResultsAsync(op.Id);

        Assert.Equal(250, read.Count);
        var failed = Assert.Single(read, r => r.Status == FleetVmStatus.Failed);
        Assert.Equal((rows[7].VmId, rows[7].Tier, "act-1", "boom", 1000), (failed.VmId, failed.Tier, failed.ActionId, failed.Code, failed.Message!.Length));
    }
}
