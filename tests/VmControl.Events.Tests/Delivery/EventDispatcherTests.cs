namespace VmControl.Events.Tests.Delivery;

/// <summary>Delivery end to end over Azurite and a real receiver: order, retries, the budget, dead letters, replay, settling.</summary>
public sealed class EventDispatcherTests
{
    [Fact]
    public async Task Deliver_ReceiverFailsTheFirstTwoAttempts_EveryEventArrivesInOrderPerVm_AndTheOutboxIsSettled()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync();
        await rig.SubscribeAsync(maxAttempts: 5);
        rig.Receiver.Answer = (_, attempt) => attempt <= 2 ? 500 : 200;

        var vms = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => rig.CreateVmWithChangesAsync(flips: 4)));
        await rig.Receiver.WaitAsync(r => r.Count >= vms.Length * 5, timeout.Token);
        await rig.WaitSettledAsync(timeout.Token);

        var received = rig.Receiver.Received;
        Assert.Equal(vms.Length * 5, received.Select(r => r.Id).Distinct().Count());
        foreach (var vm in vms)
        {
            var ids = received.Where(r => r.Subject == "vms/" + vm).Select(r => r.Id).ToList();
            Assert.Equal(5, ids.Count);
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            Assert.Equal(EventTypes.VmCreated, received.First(r => r.Subject == "vms/" + vm).Type);
        }

        Assert.All(received, r => Assert.Equal(3, rig.Receiver.AttemptsOf(r.Id)));
        Assert.Equal(0, await rig.PendingAsync(vms));
        Assert.Equal(0, rig.Receiver.BadSignatures);
    }

    [Fact]
    public async Task Deliver_ReceiverFailsBeyondTheBudget_DeadLettersThenReplayDeliversTheSameIds()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync();
        var subscription = await rig.SubscribeAsync(maxAttempts: 3);
        rig.Receiver.Answer = (_, _) => 500;

        var vms = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => rig.CreateVmWithChangesAsync(flips: 1)));
        await rig.WaitSettledAsync(timeout.Token);

        var dead = await rig.Subscriptions.ListDeadLettersAsync(subscription.Id, timeout.Token);
        Assert.NotNull(dead);
        Assert.Equal(4, dead.Count);
        Assert.All(dead, d => Assert.Equal(3, d.Attempts));
        Assert.All(dead, d => Assert.Equal(3, rig.Receiver.AttemptsOf(d.Event.Id)));
        Assert.All(dead, d => Assert.Equal("HTTP 500", d.LastError));
        Assert.Empty(rig.Receiver.Received);
        Assert.Equal(0, await rig.PendingAsync(vms));

        rig.Receiver.Answer = (_, _) => 200;
        Assert.Equal(4, await rig.Subscriptions.ReplayAsync(subscription.Id, DeliveryRig.Admin, timeout.Token));
        await rig.Receiver.WaitAsync(r => r.Count >= 4, timeout.Token);

        Assert.Equal(dead.Select(d => d.Event.Id).Order(), rig.Receiver.Received.Select(r => r.Id).Order());
        Assert.Empty((await rig.Subscriptions.ListDeadLettersAsync(subscription.Id, timeout.Token))!);
    }

    [Fact]
    public async Task Replay_FailsAgain_TheDeadLetterComesBack()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync();
        var (subscription, first) = await OneDeadLetterAsync(rig, timeout.Token);

        Assert.Equal(1, await rig.Subscriptions.ReplayAsync(subscription.Id, DeliveryRig.Admin, timeout.Token));
        while (rig.Receiver.AttemptsOf(first.Event.Id) < 2 || (await rig.Subscriptions.ListDeadLettersAsync(subscription.Id, timeout.Token))!.Count == 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(first.Event.Id, Assert.Single((await rig.Subscriptions.ListDeadLettersAsync(subscription.Id, timeout.Token))!).Event.Id);
    }

    [Fact]
    public async Task Replay_ByAProcessThatStopsBeforeDelivering_LeavesTheDeadLetterListed()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync();
        var (subscription, first) = await OneDeadLetterAsync(rig, timeout.Token);
        await rig.Dispatcher.StopAsync(timeout.Token);

        Assert.Equal(1, await rig.Subscriptions.ReplayAsync(subscription.Id, DeliveryRig.Admin, timeout.Token));
        await Task.Delay(500, timeout.Token);

        Assert.Equal(1, rig.Receiver.AttemptsOf(first.Event.Id));
        Assert.Equal(first.Event.Id, Assert.Single((await rig.Subscriptions.ListDeadLettersAsync(subscription.Id, timeout.Token))!).Event.Id);
    }

    [Fact]
    public async Task Deliver_NoSubscriptionMatches_TheOutboxRowsAreSettledWithoutASend()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync();
        await rig.SubscribeAsync(types: ["vmcontrol.alert.*"]);

        var vm = await rig.CreateVmWithChangesAsync(flips: 2);
        await rig.WaitSettledAsync(timeout.Token);

        Assert.Equal(0, await rig.PendingAsync([vm]));
        Assert.Empty(rig.Receiver.Received);
    }

    [Fact]
    public async Task Deliver_TypeFilterWithWildcard_SendsOnlyMatchingTypes()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync();
        await rig.SubscribeAsync(types: ["vmcontrol.vm.power_*"]);

        var vm = await rig.CreateVmWithChangesAsync(flips: 3);
        await rig.WaitSettledAsync(timeout.Token);

        Assert.Equal(3, rig.Receiver.Received.Count);
        Assert.All(rig.Receiver.Received, r => Assert.Equal(EventTypes.VmPowerChanged, r.Type));
        Assert.Equal(0, await rig.PendingAsync([vm]));
    }

    [Fact]
    public async Task Deliver_SubscriptionDeleted_ItsQueuedEventsAreDroppedAndSettled()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync();
        var subscription = await rig.SubscribeAsync(maxAttempts: 50);
        rig.Receiver.Answer = (_, _) => 500;
        var vm = await rig.CreateVmWithChangesAsync(flips: 2);
        await rig.Receiver.WaitAsync(_ => rig.Receiver.TotalAttempts >= 3, timeout.Token);
        Assert.Equal(3, rig.Dispatcher.HeldCount);

        Assert.True(await rig.Subscriptions.DeleteAsync(subscription.Id, DeliveryRig.Admin, timeout.Token));
        await rig.CreateVmWithChangesAsync(flips: 0);
        await rig.WaitSettledAsync(timeout.Token);

        Assert.Equal(0, await rig.PendingAsync([vm]));
        Assert.Empty((await rig.Subscriptions.ListDeadLettersAsync(subscription.Id, timeout.Token)) ?? []);
    }

    [Fact]
    public async Task Deliver_RetriesAcrossManySubscriptionRefreshes_StillDelivered()
    {
        using var timeout = TestTimeout.Start(60);
        await using var rig = await DeliveryRig.StartAsync(new DeliverySettings
        {
            SubscriptionRefresh = TimeSpan.FromMilliseconds(10), InitialBackoff = TimeSpan.FromMilliseconds(40), MaxBackoff = TimeSpan.FromMilliseconds(80),
        });
        await rig.SubscribeAsync(maxAttempts: 10);
        rig.Receiver.Answer = (_, attempt) => attempt <= 3 ? 500 : 200;
        await Task.Delay(300, timeout.Token);

        for (var i = 0; i < 3; i++)
        {
            await rig.CreateVmWithChangesAsync(flips: 1);
            await Task.Delay(100, timeout.Token);
        }

        await rig.Receiver.WaitAsync(r => r.Count >= 6, timeout.Token);
        await rig.WaitSettledAsync(timeout.Token);
    }

    /// <summary>A subscription with a budget of one attempt, and the dead letter of a VM's created event a failing receiver left.</summary>
    private static async Task<(EventSubscription Subscription, DeadLetter Letter)> OneDeadLetterAsync(DeliveryRig rig, CancellationToken cancellationToken)
    {
        var subscription = await rig.SubscribeAsync(maxAttempts: 1);
        rig.Receiver.Answer = (_, _) => 503;
        await rig.CreateVmWithChangesAsync(flips: 0);
        await rig.WaitSettledAsync(cancellationToken);
        return (subscription, Assert.Single((await rig.Subscriptions.ListDeadLettersAsync(subscription.Id, cancellationToken))!));
    }
}
