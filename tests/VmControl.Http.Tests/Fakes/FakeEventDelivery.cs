namespace VmControl.Http.Tests.Fakes;

public sealed class FakeEventDelivery : IEventDelivery
{
    public int Changes { get; private set; }

    public List<DeadLetter> Replayed { get; } = [];

    public void SubscriptionsChanged() => Changes++;

    public void Replay(string targetId, IReadOnlyList<DeadLetter> letters) => Replayed.AddRange(letters);
}
