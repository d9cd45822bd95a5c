using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Domain;

namespace VmControl.OpenStack.Tests.Fakes;

public sealed class FakeActionLog : IActionLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string VmId, string Id), ActionRecord> rows = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return rows.Count;
            }
        }
    }

    public Task AppendAsync(ActionRecord action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (gate)
        {
            rows[(action.VmId, action.Id)] = action;
        }

        return Task.CompletedTask;
    }

    public Task MarkStartedAsync(string vmId, string actionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Update(vmId, actionId, a => a with { StartedAt = at });

    public Task AddEventAsync(string vmId, string actionId, ActionEvent actionEvent, CancellationToken cancellationToken = default) =>
        Update(vmId, actionId, a => a with { Events = [.. a.Events, actionEvent] });

    public Task FinishAsync(string vmId, string actionId, ActionStatus status, VmState? vmStateAfter, ActionError? error, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Update(vmId, actionId, a => a.FinishedAt is not null ? a : a with { Status = status, VmStateAfter = vmStateAfter, Error = error, FinishedAt = at });

    public Task<ActionRecord?> GetAsync(string vmId, string actionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.GetValueOrDefault((vmId, actionId)));
        }
    }

    public Task<Page<ActionRecord>> ListAsync(string vmId, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var skip = PageTokens.Parse(continuationToken);
        lock (gate)
        {
            var items = rows.Values.Where(a => a.VmId == vmId).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
            return Task.FromResult(PageTokens.Page(items, skip, limit));
        }
    }

    private Task Update(string vmId, string actionId, Func<ActionRecord, ActionRecord> change)
    {
        lock (gate)
        {
            if (rows.TryGetValue((vmId, actionId), out var current))
            {
                rows[(vmId, actionId)] = change(current);
            }
        }

        return Task.CompletedTask;
    }
}
