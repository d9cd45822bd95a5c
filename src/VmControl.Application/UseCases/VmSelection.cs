using System.Runtime.CompilerServices;

namespace VmControl.Application.UseCases;

/// <summary>
/// Resolves a <see cref="Selector"/> to the VMs it names now, for the caller (another project's VMs only for admins and
/// the system's own actors), a page of <see cref="PageSize"/> at a time: ceil(N / 1000) listings for N VMs, fewer
/// reads when a tag condition lets the tag index serve it.
/// </summary>
public sealed class VmSelection(VmQueries queries)
{
    public const int PageSize = VmQueries.MaxLimit;

    public async IAsyncEnumerable<VmRecord> SelectAsync(
        Selector selector, Caller caller, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(caller);
        string? token = null;
        do
        {
            var page = await queries.ListVmsAsync(selector.ToQuery(PageSize, token), caller, cancellationToken).ConfigureAwait(false);
            foreach (var vm in page.Items)
            {
                yield return vm;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>The ids of the VMs the selector names, in listing order, at most <paramref name="max"/> (null: none over).</summary>
    public async Task<IReadOnlyList<string>?> IdsAsync(Selector selector, Caller caller, int max, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var vm in SelectAsync(selector, caller, cancellationToken).ConfigureAwait(false))
        {
            if (ids.Count == max)
            {
                return null;
            }

            ids.Add(vm.Id);
        }

        return ids;
    }
}
