using System.Collections.Concurrent;

namespace VmControl.Reliability.Tests.Support;

/// <summary>
/// Requests flowing while something fails: a few workers read VMs, list them and request random actions, and every
/// answer is tallied by the phase it fell in ("before", "outage", "after"). Accepted actions go to the tracker.
/// </summary>
public sealed class LoadLoop(ApiClient api, IReadOnlyList<string> vms, VmTracker tracker, int seed)
{
    private readonly ConcurrentDictionary<string, int> tally = new();
    private readonly ConcurrentBag<string> badAnswers = [];
    private volatile string phase = "before";

    public string Phase { get => phase; set => phase = value; }

    public IReadOnlyDictionary<string, int> Tally => tally;

    /// <summary>Answers that break the contract: a 500, or an error that is not problem+json with a code.</summary>
    public IReadOnlyCollection<string> BadAnswers => badAnswers;

    /// <summary>
    /// Runs until <paramref name="stop"/>; a request in flight then is let finish (its answer counted, an accepted action
    /// tracked), since the server completes it anyway. <paramref name="cancellationToken"/> bounds the requests themselves.
    /// </summary>
    public async Task RunAsync(int workers, CancellationToken stop, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => WorkAsync(new Random(seed + w), stop, cancellationToken))).ConfigureAwait(false);
    }

    private async Task WorkAsync(Random random, CancellationToken stop, CancellationToken cancellationToken)
    {
        var actions = LifecycleOracle.Rows.Select(r => r.Action).Where(a => a is not ("delete" or "create")).ToArray();
        while (!stop.IsCancellationRequested)
        {
            var vmId = vms[random.Next(vms.Count)];
            var at = phase;
            try
            {
                ApiResponse answer;
                switch (random.Next(3))
                {
                    case 0:
                        answer = await api.GetAsync($"/api/vms/{vmId}", cancellationToken).ConfigureAwait(false);
                        break;
                    case 1:
                        answer = await api.GetAsync("/api/vms?limit=50", cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        var action = actions[random.Next(actions.Length)];
                        answer = await api.ActionAsync(vmId, LifecycleOracle.Body(action, random), cancellationToken).ConfigureAwait(false);
                        tracker.Record(vmId, answer);
                        break;
                }

                Count(at, ((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (answer.Status == HttpStatusCode.InternalServerError
                    || ((int)answer.Status >= 400 && !(answer.IsProblem && answer.Json.Str("code") is not null)))
                {
                    badAnswers.Add($"[{at}] {answer}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // No answer at all within the client's 30 s: tallied, so the figures show it.
                Count(at, "no-answer");
            }

            await Task.Delay(random.Next(20, 80), stop).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private void Count(string at, string what) => tally.AddOrUpdate($"{at}:{what}", 1, (_, n) => n + 1);
}
