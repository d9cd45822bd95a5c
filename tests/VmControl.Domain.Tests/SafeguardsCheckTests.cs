namespace VmControl.Domain.Tests;

/// <summary>
/// Every action × lock × delete protection × stop protection × admin or not, against docs/lifecycle.md §4 typed here
/// by hand (not derived from <see cref="SafeguardTable"/>, so a change to the table shows up as a failure).
/// </summary>
public sealed class SafeguardsCheckTests
{
    // docs/lifecycle.md §4, as written there.
    private static readonly VmAction[] RefusedByDeleteProtection = [VmAction.Delete, VmAction.SoftDelete];
    private static readonly VmAction[] RefusedByStopProtection = [VmAction.Stop, VmAction.Suspend];

    public static TheoryData<VmAction, bool, bool, bool, bool> EveryCombination()
    {
        var data = new TheoryData<VmAction, bool, bool, bool, bool>();
        bool[] both = [false, true];
        foreach (var action in Enum.GetValues<VmAction>())
        {
            foreach (var locked in both)
            {
                foreach (var deleteProtection in both)
                {
                    foreach (var stopProtection in both)
                    {
                        foreach (var admin in both)
                        {
                            data.Add(action, locked, deleteProtection, stopProtection, admin);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void EveryCombination_CoversTwentyOneActionsTimesSixteen() =>
        Assert.Equal(21 * 16, EveryCombination().Count);

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Check_AnyFlags_MatchesTheDoc(VmAction action, bool locked, bool deleteProtection, bool stopProtection, bool admin)
    {
        var guards = new VmSafeguards(locked, locked ? "maintenance" : null, deleteProtection, stopProtection);

        var refusal = Safeguards.Check(guards, action, admin);

        Assert.Equal(Expected(action, locked, deleteProtection, stopProtection, admin), refusal?.Safeguard);
    }

    [Fact]
    public void Check_LockedForANonAdmin_SaysVmLockedWithTheReason()
    {
        var refusal = Safeguards.Check(new VmSafeguards(Locked: true, LockReason: "db migration"), VmAction.Start, callerIsAdmin: false);

        Assert.Equal("vm_locked", refusal?.Code);
        Assert.Contains("db migration", refusal?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VmAction.Delete, "deleteProtection")]
    [InlineData(VmAction.SoftDelete, "deleteProtection")]
    [InlineData(VmAction.Stop, "stopProtection")]
    [InlineData(VmAction.Suspend, "stopProtection")]
    public void Check_Protected_SaysVmProtectedAndNamesTheFlag(VmAction action, string flag)
    {
        var refusal = Safeguards.Check(new VmSafeguards(DeleteProtection: true, StopProtection: true), action, callerIsAdmin: true);

        Assert.Equal("vm_protected", refusal?.Code);
        Assert.Contains(flag, refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_NameEveryActionOnce() =>
        Assert.Equal(Enum.GetValues<VmAction>(), SafeguardTable.Rules.Select(r => r.Action));

    private static Safeguard? Expected(VmAction action, bool locked, bool deleteProtection, bool stopProtection, bool admin)
    {
        if (locked && !admin)
        {
            return Safeguard.Lock;
        }

        if (deleteProtection && RefusedByDeleteProtection.Contains(action))
        {
            return Safeguard.DeleteProtection;
        }

        return stopProtection && RefusedByStopProtection.Contains(action) ? Safeguard.StopProtection : null;
    }
}
