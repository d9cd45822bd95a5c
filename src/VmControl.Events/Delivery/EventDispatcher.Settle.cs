namespace VmControl.Events.Delivery;

public sealed partial class EventDispatcher
{
    private const int SettleBatch = 100;

    /// <summary>Removes the outbox rows of events every target is done with, in batches; while the store is down it keeps them and tries again.</summary>
    private async Task SettleLoopAsync(CancellationToken cancellationToken)
    {
        var batch = new List<HeldEvent>();
        var failures = 0;
        try
        {
            while (true)
            {
                if (batch.Count == 0 && !await settled.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                while (batch.Count < SettleBatch && settled.Reader.TryRead(out var h))
                {
                    batch.Add(h);
                }

                if (await SettleOnceAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    batch.Clear();
                    failures = 0;
                }
                else
                {
                    failures++;
                    await Task.Delay(Backoff.After(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: StopAsync settles what it can; the rest is found again by recovery.
            foreach (var h in batch)
            {
                settled.Writer.TryWrite(h);
            }
        }
    }

    private async Task<bool> SettleOnceAsync(List<HeldEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return true;
        }

        try
        {
            await outbox.SettleAsync([.. batch.Select(h => h.Entry)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSettleFailed(logger, ex, batch.Count);
            return false;
        }

        lock (held)
        {
            foreach (var h in batch)
            {
                held.Remove(h.Entry.Event.Id);
            }
        }

        return true;
    }
}
