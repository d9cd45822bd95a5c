namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>
/// Every (vm_state, action) pair the lifecycle table allows, to be covered once by walkers that share the pool: a
/// walker takes a pair from its own state when one is left, else reserves one in the nearest state that has one (so two
/// walkers never head for the same pair) and moves there.
/// Create, delete and migrate are not in the pool (each walk starts with a create and ends with a delete; the
/// libvirt driver refuses migrate).
/// </summary>
public sealed class EdgePool
{
    private static readonly VmAction[] Walked =
        [.. Enum.GetValues<VmAction>().Where(a => a is not (VmAction.Create or VmAction.Delete or VmAction.Migrate))];

    private readonly Lock gate = new();
    private readonly Dictionary<string, (VmState State, VmAction Action)> goals = [];
    private readonly HashSet<(VmState, VmAction)> left = [.. Walked.SelectMany(a => LifecycleTable.For(a).AllowedFrom.Select(s => (s, a)))];

    public int Total { get; } = Walked.Sum(a => LifecycleTable.For(a).AllowedFrom.Count);

    /// <summary>The walker's next action for a VM in <paramref name="status"/>, or null when every pair is covered.</summary>
    public VmAction? Next(string walker, VmStatus status)
    {
        lock (gate)
        {
            if (goals.TryGetValue(walker, out var goal))
            {
                if (goal.State == status.VmState)
                {
                    goals.Remove(walker);
                    return goal.Action;
                }

                return FirstStepToward(status, s => s.VmState == goal.State);
            }

            foreach (var action in Walked)
            {
                if (left.Remove((status.VmState, action)))
                {
                    return action;
                }
            }

            if (left.Count == 0)
            {
                return null;
            }

            var step = FirstStepToward(status, s => Walked.Any(a => left.Contains((s.VmState, a))));
            if (step is null)
            {
                return null;
            }

            // Reserve a pair in the state the step leads toward (the nearest with pairs left).
            var target = Nearest(status);
            var pair = left.First(p => p.Item1 == target);
            left.Remove(pair);
            goals[walker] = pair;
            return target == status.VmState ? pair.Item2 : step;
        }
    }

    /// <summary>Whether every pair was taken by some walker.</summary>
    public bool AllTaken
    {
        get
        {
            lock (gate)
            {
                return left.Count == 0;
            }
        }
    }

    private VmState Nearest(VmStatus start)
    {
        var seen = new HashSet<VmStatus> { start };
        var queue = new Queue<VmStatus>([start]);
        while (queue.TryDequeue(out var status))
        {
            if (Walked.Any(a => left.Contains((status.VmState, a))))
            {
                return status.VmState;
            }

            foreach (var action in Walked.Where(a => Allowed(status, a)))
            {
                var next = Lifecycle.OnSuccess(status, action);
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException("No state with pairs left is reachable.");
    }

    // Breadth first over statuses (vm_state and the state before a resize) by successful actions.
    private static VmAction? FirstStepToward(VmStatus start, Func<VmStatus, bool> arrived)
    {
        var seen = new HashSet<VmStatus> { start };
        var queue = new Queue<(VmStatus Status, VmAction First)>();
        foreach (var action in Walked.Where(a => Allowed(start, a)))
        {
            queue.Enqueue((Lifecycle.OnSuccess(start, action), action));
        }

        while (queue.TryDequeue(out var item))
        {
            if (arrived(item.Status))
            {
                return item.First;
            }

            if (!seen.Add(item.Status))
            {
                continue;
            }

            foreach (var action in Walked.Where(a => Allowed(item.Status, a)))
            {
                queue.Enqueue((Lifecycle.OnSuccess(item.Status, action), item.First));
            }
        }

        return null;
    }

    private static bool Allowed(VmStatus status, VmAction action) => LifecycleTable.For(action).AllowedFrom.Contains(status.VmState);
}
