namespace VmControl.Domain.Tests;

public sealed class WireNamesTests
{
    [Fact]
    public void ToWire_EveryEnumValue_RoundTripsThroughTryParse()
    {
        AssertRoundTrips<VmState>();
        AssertRoundTrips<TaskState>();
        AssertRoundTrips<PowerState>();
        AssertRoundTrips<VmAction>();
    }

    [Theory]
    [InlineData("soft_deleted")]
    [InlineData("hard_deleted")]
    [InlineData("initialized")]
    public void ToWire_VmState_IsLowerSnakeCase(string wire)
    {
        Assert.True(WireNames.TryParse<VmState>(wire, out var state));
        Assert.Equal(wire, state.ToWire());
    }

    [Fact]
    public void ToWire_SpotChecks_MatchTheDoc()
    {
        Assert.Equal("soft_deleted", VmState.SoftDeleted.ToWire());
        Assert.Equal("nostate", PowerState.NoState.ToWire());
        Assert.Equal("resize_migrating", TaskState.ResizeMigrating.ToWire());
        Assert.Equal("rebooting_hard", TaskState.RebootingHard.ToWire());
        Assert.Equal("confirm_resize", VmAction.ConfirmResize.ToWire());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SoftDeleted")]
    [InlineData("no_state")]
    public void TryParse_UnknownName_ReturnsFalse(string? wire) =>
        Assert.False(WireNames.TryParse<PowerState>(wire, out _) || WireNames.TryParse<VmState>(wire, out _));

    [Fact]
    public void All_VmState_ListsTheTenStatesInOrder() =>
        Assert.Equal(
            ["initialized", "active", "rescued", "paused", "suspended", "stopped", "soft_deleted", "hard_deleted", "resized", "error"],
            WireNames.All<VmState>());

    private static void AssertRoundTrips<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        Assert.All(values, v => Assert.True(WireNames.TryParse<TEnum>(v.ToWire(), out var back) && back.Equals(v), v.ToWire()));
        Assert.Equal(values.Length, values.Select(v => v.ToWire()).Distinct(StringComparer.Ordinal).Count());
    }
}
