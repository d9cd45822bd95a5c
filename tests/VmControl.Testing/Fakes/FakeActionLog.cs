using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Testing.Fakes;

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

    public Task<ActionState> AppendAsync(ActionRecord action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (gate)
        {
            rows[(action.VmId, action.Id)] = action;
        }

        return Task.FromResult(action.StateOf("fake"));
    }

    public Task<ActionState> RecordAsync(string vmId, string actionId, ActionChange change, ActionState? known = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var current = rows.TryGetValue((vmId, actionId), out var row) ? row : throw new InvalidOperationException($"VM {vmId} has no action {actionId}.");
            var state = current.StateOf("fake");
            if (change.Apply(state) is not { } changed)
            {
                return Task.FromResult(state);
            }

            rows[(vmId, actionId)] = current.With(changed);
            return Task.FromResult(changed);
        }
    }

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
}
