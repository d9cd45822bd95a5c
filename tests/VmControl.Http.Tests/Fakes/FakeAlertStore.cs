using VmControl.Testing.Fakes;

namespace VmControl.Http.Tests.Fakes;

public sealed class FakeAlertStore : IAlertStore
{
    private readonly Lock gate = new();
    private readonly List<AlertRecord> rows = [];

    public void Seed(AlertRecord alert)
    {
        lock (gate)
        {
            rows.Add(alert);
        }
    }

    public Task<(AlertRecord Alert, bool Opened)> OpenOrBumpAsync(AlertRecord observation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observation);
        lock (gate)
        {
            rows.Add(observation);
            return Task.FromResult((observation, true));
        }
    }

    public Task<AlertRecord?> GetActiveAsync(string vmId, AlertKind kind, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.FirstOrDefault(a => a.VmId == vmId && a.Kind == kind && a.Status != AlertStatus.Resolved));
        }
    }

    public Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.FirstOrDefault(a => a.Id == alertId));
        }
    }

    public Task<AlertRecord?> AcknowledgeAsync(string alertId, string? note, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var index = rows.FindIndex(a => a.Id == alertId);
            if (index < 0)
            {
                return Task.FromResult<AlertRecord?>(null);
            }

            rows[index] = rows[index] with { Status = AlertStatus.Acknowledged, AcknowledgedAt = at, AcknowledgeNote = note, AcknowledgedBy = by };
            return Task.FromResult<AlertRecord?>(rows[index]);
        }
    }

    public Task<bool> ResolveAsync(string vmId, AlertKind kind, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    public Task<Page<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var skip = PageTokens.Parse(query.ContinuationToken);
        lock (gate)
        {
            var items = rows
                .Where(a => query.Status is null || a.Status == query.Status)
                .Where(a => query.Kind is null || a.Kind == query.Kind)
                .Where(a => query.VmId is null || a.VmId == query.VmId)
                .Where(a => query.Project is null || a.Project == query.Project)
                .ToList();
            return Task.FromResult(PageTokens.Page(items, skip, query.Limit));
        }
    }
}
