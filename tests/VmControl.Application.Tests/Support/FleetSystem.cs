using VmControl.Application.Fleet;

namespace VmControl.Application.Tests.Support;

/// <summary>A <see cref="TaskSystem"/> whose fleet operations look at their actions five times a second, with helpers to drive them.</summary>
public sealed class FleetSystem : IAsyncLifetime
{
    public TaskSystem Tasks { get; } = new()
    {
        ConfigureServices = services => services.Configure<FleetSettings>(s => s.PollInterval = TimeSpan.FromMilliseconds(200)),
    };

    public FleetOperations Fleet => Tasks.Services.GetRequiredService<FleetOperations>();

    public IFleetStore Store => Tasks.Services.GetRequiredService<IFleetStore>();

    public static Caller Operator { get; } = new("ops-user", Role.Operator, Projects.Default);

    public Task InitializeAsync() => Tasks.InitializeAsync();

    public Task DisposeAsync() => Tasks.DisposeAsync();

    /// <summary>Creates <paramref name="count"/> active VMs, each with the tags <paramref name="tagsOf"/> gives its index.</summary>
    public async Task<IReadOnlyList<VmRecord>> CreateVmsAsync(int count, Func<int, Dictionary<string, string>> tagsOf)
    {
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var result = await Tasks.Commands.CreateAsync(new CreateVmRequest($"fleet-{i}", "small", "ubuntu", tagsOf(i)));
            return Assert.IsType<CommandResult.Accepted>(result).Vm.Id;
        }));
        return await Task.WhenAll(created.Select(id => Tasks.WaitIdleAsync(id)));
    }

    public static FleetRequest Request(VmAction action, Selector? selector = null, IReadOnlyList<string>? vmIds = null) => new(
        action, new Dictionary<string, string>(), vmIds, selector, [], null, TimeSpan.Zero, FleetReadiness.ActionEnded, 50);

    public async Task<FleetOperation> StartAsync(FleetRequest request, Caller? caller = null)
    {
        var answer = await Fleet.StartAsync(request, caller ?? Operator);
        return Assert.IsType<FleetAnswer.Accepted>(answer).Operation;
    }

    /// <summary>Polls the operation until it has ended (bounded, so a stuck operation fails the test).</summary>
    public async Task<(FleetOperation Operation, IReadOnlyList<FleetVmResult> Results)> WaitFinishedAsync(string id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var operation = await Store.GetAsync(id) ?? throw new InvalidOperationException($"Fleet operation {id} vanished.");
            if (operation.IsFinished)
            {
                return (operation, await Store.ResultsAsync(id));
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Fleet operation {id} is still {operation.Status} (tier {operation.CurrentTier}/{operation.TierCount}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The actions of the operation's VMs that it requested, by VM.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ActionRecord>>> ActionsOfAsync(FleetOperation operation, IEnumerable<string> vmIds)
    {
        var found = new Dictionary<string, IReadOnlyList<ActionRecord>>(StringComparer.Ordinal);
        foreach (var vmId in vmIds)
        {
            var page = await Tasks.Actions.ListAsync(vmId, 100, null);
            found[vmId] = [.. page.Items.Where(a => a.RequestedBy == operation.Initiator)];
        }

        return found;
    }
}
