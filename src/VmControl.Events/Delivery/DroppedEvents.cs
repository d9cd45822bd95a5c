namespace VmControl.Events.Delivery;

/// <summary>
/// The events a full process left in the outbox. Recovery moves its watermark only up to <see cref="IEventSink.OldestPending"/>,
/// so the oldest dropped time is reported there until recovery has had them in hand: a round that started after every
/// dropped event was old enough for recovery (<see cref="EventSettings.RecoverAfter"/>), with no new drop since the
/// previous round, was offered them all and took them.
/// </summary>
internal struct DroppedEvents
{
    private DateTimeOffset? oldest;
    private DateTimeOffset newest;
    private bool droppedSinceRead;
    private DateTimeOffset lastRead;

    /// <summary>Notes a drop; true when it is the first since the last report (so the log says it once, not per event).</summary>
    public bool Add(DateTimeOffset eventTime)
    {
        var first = !droppedSinceRead;
        oldest = oldest is { } o && o <= eventTime ? o : eventTime;
        newest = newest >= eventTime ? newest : eventTime;
        droppedSinceRead = true;
        return first;
    }

    /// <summary>The oldest dropped event's time while recovery may not have taken it yet (recovery reads it at the end of a round).</summary>
    public DateTimeOffset? Read(DateTimeOffset now, TimeSpan recoverAfter)
    {
        if (oldest is not null && !droppedSinceRead && newest <= lastRead - recoverAfter)
        {
            oldest = null;
        }

        droppedSinceRead = false;
        lastRead = now;
        return oldest;
    }
}
