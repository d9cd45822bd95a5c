using System.Globalization;
using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Testing.Fakes;

/// <summary>An in-memory VM store with real ETag compare-and-swap and opaque-looking continuation tokens.</summary>
public sealed class FakeVmStore : IVmStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, VmRecord> rows = new(StringComparer.Ordinal);
    private long version;

    /// <summary>When set, every call throws <see cref="StoreUnavailableException"/>.</summary>
    public bool Unavailable { get; set; }

    public int Writes { get; private set; }

    public Task<VmRecord> CreateAsync(VmRecord vm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ThrowIfUnavailable();
        lock (gate)
        {
            if (rows.ContainsKey(vm.Id))
            {
                throw new InvalidOperationException($"VM {vm.Id} exists.");
            }

            var stored = vm with { ETag = NextETag() };
            rows[vm.Id] = stored;
            Writes++;
            return Task.FromResult(stored);
        }
    }

    public Task<VmRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ThrowIfUnavailable();
        lock (gate)
        {
            return Task.FromResult(rows.GetValueOrDefault(id));
        }
    }

    public Task<VmRecord?> TryReplaceAsync(VmRecord vm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ThrowIfUnavailable();
        lock (gate)
        {
            if (!rows.TryGetValue(vm.Id, out var current) || current.ETag != vm.ETag)
            {
                return Task.FromResult<VmRecord?>(null);
            }

            var stored = vm with { ETag = NextETag() };
            rows[vm.Id] = stored;
            Writes++;
            return Task.FromResult<VmRecord?>(stored);
        }
    }

    public Task<Page<VmRecord>> ListAsync(VmQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfUnavailable();
        var skip = PageTokens.Parse(query.ContinuationToken);
        lock (gate)
        {
            var matching = rows.Values
                .Where(v => query.VmState is null || v.VmState == query.VmState)
                .Where(v => query.TaskState is null || v.TaskState == query.TaskState)
                .Where(v => query.PowerState is null || v.PowerState == query.PowerState)
                .Where(v => !query.IdleOnly || v.TaskState is null)
                .Where(v => query.Project is null || v.Project == query.Project)
                .Where(v => !query.ExcludeHardDeleted || v.VmState != VmControl.Domain.VmState.HardDeleted)
                .Where(v => string.IsNullOrEmpty(query.NamePrefix) || v.Name.StartsWith(query.NamePrefix, StringComparison.Ordinal))
                .ToList();
            return Task.FromResult(PageTokens.Page(matching, skip, query.Limit));
        }
    }

    /// <summary>Puts a record as it is (test setup), with a fresh ETag.</summary>
    public VmRecord Seed(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        lock (gate)
        {
            var stored = vm with { ETag = NextETag() };
            rows[vm.Id] = stored;
            return stored;
        }
    }

    private string NextETag() => "W/\"" + (++version).ToString(CultureInfo.InvariantCulture) + "\"";

    private void ThrowIfUnavailable()
    {
        if (Unavailable)
        {
            throw new StoreUnavailableException("The fake store is down.");
        }
    }
}
