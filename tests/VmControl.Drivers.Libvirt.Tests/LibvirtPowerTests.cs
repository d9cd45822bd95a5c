namespace VmControl.Drivers.Libvirt.Tests;

public sealed class LibvirtPowerTests
{
    [Theory]
    [InlineData(0, 0, false, PowerState.NoState, "nostate")]
    [InlineData(1, 1, false, PowerState.Running, "running")]
    [InlineData(2, 0, false, PowerState.Running, "blocked")]
    [InlineData(3, 1, false, PowerState.Paused, "paused")]
    [InlineData(4, 1, false, PowerState.Running, "shutting_down")]
    [InlineData(5, 1, false, PowerState.Shutdown, "shutoff")]
    [InlineData(5, 2, false, PowerState.Shutdown, "shutoff")]
    [InlineData(5, 3, false, PowerState.Crashed, "shutoff_crashed")]
    [InlineData(5, 5, true, PowerState.Suspended, "managed_save")]
    [InlineData(6, 1, false, PowerState.Crashed, "crashed")]
    [InlineData(7, 1, false, PowerState.Suspended, "pmsuspended")]
    public void Map_StateReasonAndManagedSave_GiveNovaPowerState(int state, int reason, bool managedSave, PowerState power, string detail)
    {
        Assert.Equal((power, detail), LibvirtPower.Map(state, reason, managedSave));
    }

    [Fact]
    public void UuidOf_CarriesTheVmId_AndVmIdOfReadsItBack()
    {
        var uuid = LibvirtIds.UuidOf("vm-0123456789abcdef");

        Assert.True(Guid.TryParse(uuid, out _));
        Assert.Equal("vm-0123456789abcdef", LibvirtIds.VmIdOf(uuid));
        Assert.Equal("vm-0123456789abcdef", LibvirtIds.VmIdOf(uuid.ToUpperInvariant()));
    }

    [Fact]
    public void VmIdOf_ADomainVmControlDidNotMake_IsNull()
    {
        Assert.Null(LibvirtIds.VmIdOf("6695eb01-f6a4-8304-79aa-97f2502e193f"));
    }

    [Fact]
    public void UuidOf_NotAVmId_IsAPermanentRefusal()
    {
        var refused = Assert.Throws<HypervisorException>(() => LibvirtIds.UuidOf("../etc"));

        Assert.False(refused.Transient);
        Assert.Equal("invalid_vm_id", refused.Error.Code);
    }

    [Theory]
    [InlineData(42, 10, "not_found", false)]
    [InlineData(55, 10, "operation_invalid", false)]
    [InlineData(38, 7, "libvirt_system_error", true)]
    [InlineData(1, 7, "libvirt_internal_error", true)]
    [InlineData(1, 10, "libvirt_internal_error", false)]
    [InlineData(68, 10, "operation_timeout", true)]
    [InlineData(39, 7, "libvirt_unreachable", true)]
    public void ToError_CodeAndErrorDomain_DecideCodeAndTransience(int code, int domain, string name, bool transient)
    {
        var error = LibvirtErrors.ToError(code, domain, "m", FailureKind.Started);

        Assert.Equal((name, transient, FailureKind.Started), (error.Code, error.Transient, error.Kind));
    }
}
