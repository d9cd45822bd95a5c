namespace VmControl.Reliability.Tests.Support;

/// <summary>One step of a sequential random walk over the lifecycle: an action the VM allows now, then wait for it to end.</summary>
public static class RandomSteps
{
    /// <summary>Requests a random allowed action (delete only when nothing else is allowed, as from error) and waits until the VM is idle.</summary>
    public static async Task<string?> StepAsync(ApiClient api, string vmId, Random random, VmTracker tracker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(tracker);
        var vm = await api.GetVmAsync(vmId, cancellationToken).ConfigureAwait(false);
        var allowed = vm.Strings("allowedActions");
        var choices = allowed.Where(a => a != "delete").ToArray();
        if (choices.Length == 0)
        {
            choices = allowed;
        }

        if (choices.Length == 0)
        {
            return null;
        }

        string action;
        ApiResponse answer;
        lock (random)
        {
            action = choices[random.Next(choices.Length)];
        }

        string body;
        lock (random)
        {
            body = LifecycleOracle.Body(action, random);
        }

        answer = action == "delete"
            ? await api.SendAsync(HttpMethod.Delete, $"/api/vms/{vmId}", null, null, cancellationToken).ConfigureAwait(false)
            : await api.ActionAsync(vmId, body, cancellationToken).ConfigureAwait(false);
        if (!tracker.Record(vmId, answer))
        {
            throw new InvalidOperationException($"{action} on idle {vmId} (allowed: {string.Join(",", allowed)}) was not accepted: {answer}");
        }

        await api.WaitIdleAsync(vmId, cancellationToken).ConfigureAwait(false);
        return answer.Status == HttpStatusCode.Accepted ? Accepted.ActionId(answer) : null;
    }
}
