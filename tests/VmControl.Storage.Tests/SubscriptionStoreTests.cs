using VmControl.Application.Events;

namespace VmControl.Storage.Tests;

public sealed class SubscriptionStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TableSubscriptionStore subscriptions = new(azurite.Tables);
    private readonly TableDeadLetterStore deadLetters = new(azurite.Tables);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddThenGet_RoundTripsEveryField_FiltersAbsentOrPresent(bool filtered)
    {
        var subscription = new EventSubscription(
            EventSubscription.NewId(), new Uri("https://hooks.example.com/a?b=c"), filtered ? ["vmcontrol.vm.*"] : null, filtered ? ["vms/vm-1", "vms/vm-2"] : null,
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 7, TestData.Now, "alice");

        await subscriptions.AddAsync(subscription);
        var read = await subscriptions.GetAsync(subscription.Id);

        Assert.NotNull(read);
        Assert.Equal(subscription.Url, read.Url);
        Assert.Equal(subscription.Types, read.Types);
        Assert.Equal(subscription.Subjects, read.Subjects);
        Assert.Equal((subscription.Secret, subscription.MaxAttempts, subscription.CreatedAt, subscription.CreatedBy), (read.Secret, read.MaxAttempts, read.CreatedAt, read.CreatedBy));
        Assert.Contains(await subscriptions.ListAsync(), s => s.Id == subscription.Id);
    }

    [Fact]
    public async Task Delete_RemovesOnce_ThenIsFalse()
    {
        var subscription = new EventSubscription(EventSubscription.NewId(), new Uri("https://h.example/x"), null, null, "whsec_x", 1, TestData.Now, "bob");
        await subscriptions.AddAsync(subscription);

        Assert.True(await subscriptions.DeleteAsync(subscription.Id));
        Assert.False(await subscriptions.DeleteAsync(subscription.Id));
        Assert.Null(await subscriptions.GetAsync(subscription.Id));
    }

    [Fact]
    public async Task DeadLetters_ListedPerTargetInEventOrder_ReplacedByEventId_Deleted()
    {
        var target = EventSubscription.NewId();
        var other = DeadLetter.PublisherTarget("event-grid");
        var events = Enumerable.Range(0, 3).Select(i => new VmEvent(EventIds.New(TestData.Now.AddSeconds(i), 0), EventTypes.VmCreated, "vms/vm-1", "p", TestData.Now, "{\"n\":" + i + "}")).ToList();
        foreach (var e in events.AsEnumerable().Reverse())
        {
            await deadLetters.AddAsync(new DeadLetter(target, e, 3, "HTTP 500", TestData.Now));
        }

        await deadLetters.AddAsync(new DeadLetter(other, events[0], 1, "timed out", TestData.Now));
        await deadLetters.AddAsync(new DeadLetter(target, events[1], 5, "HTTP 502", TestData.Now.AddMinutes(1)));

        var listed = await deadLetters.ListAsync(target);
        Assert.Equal(events.Select(e => e.Id), listed.Select(l => l.Event.Id));
        Assert.Equal(events, listed.Select(l => l.Event));
        Assert.Equal((5, "HTTP 502"), (listed[1].Attempts, listed[1].LastError));
        Assert.Single(await deadLetters.ListAsync(other));

        await deadLetters.DeleteAsync(target, [events[0].Id, events[2].Id, "evt-not-there"]);
        Assert.Equal([events[1].Id], (await deadLetters.ListAsync(target)).Select(l => l.Event.Id));
    }
}
