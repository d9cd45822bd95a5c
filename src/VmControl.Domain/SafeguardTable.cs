using System.Collections.Frozen;

namespace VmControl.Domain;

/// <summary>
/// Which safeguard refuses which action, as data beside <see cref="LifecycleTable"/> (docs/lifecycle.md §4). The lock
/// refuses every action (Nova checks the lock on every server action, delete included); delete protection refuses the
/// two deletes (hard delete also covers Nova's force delete of a soft-deleted VM); stop protection refuses stop and
/// suspend, the actions that take a running machine down and leave it down.
/// </summary>
public static class SafeguardTable
{
    public static IReadOnlyList<SafeguardRule> Rules { get; } =
    [
        .. Enum.GetValues<VmAction>().Select(action => new SafeguardRule(action, [Safeguard.Lock, .. Protections(action)])),
    ];

    private static readonly FrozenDictionary<VmAction, SafeguardRule> ByAction = Rules.ToFrozenDictionary(r => r.Action);

    public static SafeguardRule For(VmAction action) => ByAction[action];

    private static IEnumerable<Safeguard> Protections(VmAction action) => action switch
    {
        VmAction.Delete or VmAction.SoftDelete => [Safeguard.DeleteProtection],
        VmAction.Stop or VmAction.Suspend => [Safeguard.StopProtection],
        _ => [],
    };
}
