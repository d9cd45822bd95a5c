namespace VmControl.Application.Model;

/// <summary>
/// Nova's tag filters (docs/fleet.md): <see cref="All"/> (<c>tags</c>: has every one), <see cref="Any"/>
/// (<c>tags-any</c>: has at least one), <see cref="NotAll"/> (<c>not-tags</c>: lacks at least one) and
/// <see cref="NotAny"/> (<c>not-tags-any</c>: has none). Each list holds tag strings (<see cref="TagText"/>).
/// </summary>
public sealed record TagFilter(
    IReadOnlyList<string> All,
    IReadOnlyList<string> Any,
    IReadOnlyList<string> NotAll,
    IReadOnlyList<string> NotAny)
{
    public static TagFilter None { get; } = new([], [], [], []);

    public bool IsEmpty => All.Count == 0 && Any.Count == 0 && NotAll.Count == 0 && NotAny.Count == 0;

    /// <summary>A positive condition: the VMs can be found from the tag index alone.</summary>
    public bool Indexed => All.Count > 0 || Any.Count > 0;

    public bool Matches(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return All.All(t => TagText.Has(tags, t))
            && (Any.Count == 0 || Any.Any(t => TagText.Has(tags, t)))
            && (NotAll.Count == 0 || !NotAll.All(t => TagText.Has(tags, t)))
            && !NotAny.Any(t => TagText.Has(tags, t));
    }
}
