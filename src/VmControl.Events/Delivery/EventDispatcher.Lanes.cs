using VmControl.Events.Webhooks;

namespace VmControl.Events.Delivery;

public sealed partial class EventDispatcher
{
    /// <summary>Delivers one subject's queue on one target, head first, until it is empty.</summary>
    private async Task DrainSubjectAsync(TargetLane lane, string subject, CancellationToken cancellationToken)
    {
        try
        {
            while (lane.Next(subject) is { } delivery)
            {
                await DeliverAsync(lane.Target, lane.Concurrency, delivery, cancellationToken).ConfigureAwait(false);
                lane.Finished(subject);
                if (delivery.Held is { } h && h.Done())
                {
                    settled.Writer.TryWrite(h);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the event stays in the outbox, and recovery delivers it after a restart.
        }
    }

    /// <summary>Returns once the target took the event, gave up on it (dead letter stored), or was removed.</summary>
    private async Task DeliverAsync(DeliveryTarget target, SemaphoreSlim concurrency, Delivery delivery, CancellationToken cancellationToken)
    {
        var e = delivery.Event;
        for (var attempt = 1; ; attempt++)
        {
            if (target.Removed)
            {
                return;
            }

            string error;
            await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(settings.Timeout);
                await target.SendAsync(e, deadline.Token).ConfigureAwait(false);
                LogDelivered(logger, target.Id, e.Subject, e.Id, e.Type, attempt);
                if (delivery.Replayed)
                {
                    await ForgetDeadLetterAsync(target, e, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                error = Describe(ex);
            }
            finally
            {
                concurrency.Release();
            }

            if (attempt >= target.MaxAttempts)
            {
                await DeadLetterAsync(target, e, attempt, error, cancellationToken).ConfigureAwait(false);
                return;
            }

            var wait = Backoff.After(attempt, settings.InitialBackoff, settings.MaxBackoff);
            LogRetry(logger, target.Id, e.Subject, e.Id, attempt, error, wait);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the dead letter, retrying while the store is down: the subject's next events wait, so order holds.</summary>
    private async Task DeadLetterAsync(DeliveryTarget target, VmEvent e, int attempts, string error, CancellationToken cancellationToken)
    {
        var letter = new DeadLetter(target.Id, e, attempts, error, time.GetUtcNow());
        for (var failures = 1; ; failures++)
        {
            try
            {
                await deadLetters.AddAsync(letter, cancellationToken).ConfigureAwait(false);
                LogDeadLettered(logger, target.Id, e.Subject, e.Id, attempts, error);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogDeadLetterUnstored(logger, ex, target.Id, e.Id);
                await Task.Delay(Backoff.After(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A replayed dead letter leaves the list only once it is delivered, so a process that stops first loses nothing.
    /// Should the delete fail, the letter stays listed though delivered: a later replay sends it again (at least once).
    /// </summary>
    private async Task ForgetDeadLetterAsync(DeliveryTarget target, VmEvent e, CancellationToken cancellationToken)
    {
        try
        {
            await deadLetters.DeleteAsync(target.Id, [e.Id], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDeadLetterNotForgotten(logger, ex, target.Id, e.Id);
        }
    }

    /// <summary>The failure as the dead letter and logs keep it: the status or the exception's message, never a secret (none is in either).</summary>
    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException { InnerException: NonPublicAddressException inner } => inner.Message,
        HttpRequestException http => http.HttpRequestError + ": " + http.Message,
        OperationCanceledException => "timed out",
        _ => ex.GetType().Name + ": " + ex.Message,
    };
}
