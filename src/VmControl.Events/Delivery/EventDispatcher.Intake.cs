namespace VmControl.Events.Delivery;

public sealed partial class EventDispatcher
{
    /// <summary>Matches each event against the targets (subscriptions loaded first) and queues it on each that wants it.</summary>
    private async Task IntakeLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var refresh = new PeriodicTimer(settings.SubscriptionRefresh, time);
            var refreshTick = refresh.WaitForNextTickAsync(cancellationToken).AsTask();

            // One wait on the channel at a time (a single-reader channel allows no more): kept across a refresh tick.
            Task<bool>? read = null;
            while (true)
            {
                read ??= intake.Reader.WaitToReadAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(read, refreshTick).ConfigureAwait(false) == refreshTick)
                {
                    await refreshTick.ConfigureAwait(false);
                    SubscriptionsChanged();
                    refreshTick = refresh.WaitForNextTickAsync(cancellationToken).AsTask();
                }
                else
                {
                    await read.ConfigureAwait(false);
                    read = null;
                }

                await LoadSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
                while (intake.Reader.TryRead(out var item))
                {
                    Route(item);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is not delivered stays in the outbox.
        }
    }

    /// <summary>
    /// Reads the subscriptions when a change or the refresh asked for it. Until a first read succeeds nothing is
    /// matched (events wait here, held); after that a failed read keeps the last list and is tried again a second later.
    /// </summary>
    private async Task LoadSubscriptionsAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (Volatile.Read(ref subscriptionsWanted) is var wanted && wanted != subscriptionsLoaded)
        {
            if (subscriptionsLoaded > 0 && lastLoadFailed && time.GetUtcNow() - lastLoad < TimeSpan.FromSeconds(1))
            {
                return;
            }

            try
            {
                var list = await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false);
                ApplySubscriptions(list);
                subscriptionsLoaded = wanted;
                lastLoadFailed = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures++;
                lastLoadFailed = true;
                lastLoad = time.GetUtcNow();
                LogSubscriptionsUnreadable(logger, ex);
                if (subscriptionsLoaded > 0)
                {
                    return;
                }

                await Task.Delay(Backoff.After(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void ApplySubscriptions(IReadOnlyList<EventSubscription> list)
    {
        var current = list.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var (id, lane) in lanes.ToList())
        {
            if (!current.ContainsKey(id))
            {
                lane.Target.Removed = true;
                lanes.Remove(id);
            }
        }

        foreach (var subscription in list.Where(s => !lanes.ContainsKey(s.Id)))
        {
            lanes[subscription.Id] = new TargetLane(new WebhookTarget(subscription, sender), settings.ConcurrencyPerTarget);
        }
    }

    private void Route(IntakeItem item)
    {
        if (item.Replay is { } letter)
        {
            var lane = lanes.GetValueOrDefault(letter.TargetId) ?? publisherLanes.FirstOrDefault(l => l.Target.Id == letter.TargetId);
            if (lane is null)
            {
                LogReplayDropped(logger, letter.TargetId, letter.Event.Id);
                return;
            }

            Enqueue(lane, new Delivery(letter.Event, null, Replayed: true));
            return;
        }

        var held = item.Held!;
        var e = held.Entry.Event;
        foreach (var observer in observers)
        {
            try
            {
                observer.Published(e);
            }
            catch (Exception ex)
            {
                // Best effort by contract: an observer's failure is its own.
                LogObserverFailed(logger, ex, observer.GetType().Name, e.Id);
            }
        }

        var matching = lanes.Values.Concat(publisherLanes).Where(l => l.Target.Matches(e)).ToList();
        if (matching.Count == 0)
        {
            settled.Writer.TryWrite(held);
            return;
        }

        held.Expect(matching.Count);
        foreach (var lane in matching)
        {
            Enqueue(lane, new Delivery(e, held));
        }
    }

    private void Enqueue(TargetLane lane, Delivery delivery)
    {
        if (lane.Enqueue(delivery))
        {
            Track(Task.Run(() => DrainSubjectAsync(lane, delivery.Event.Subject, stopping.Token), CancellationToken.None));
        }
    }
}
