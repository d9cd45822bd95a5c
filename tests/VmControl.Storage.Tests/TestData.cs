namespace VmControl.Storage.Tests;

internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static VmRecord Vm(VmState state = VmState.Active, PowerState power = PowerState.Running, TaskState? task = null) => new()
    {
        Id = VmIds.New(),
        Name = "web-1",
        Size = "Standard_B2s",
        Image = "ubuntu-24.04",
        Driver = "simulated",
        VmState = state,
        PowerState = power,
        TaskState = task,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static ActionRecord Action(string vmId, VmAction action, TaskState task, DateTimeOffset at) => new()
    {
        Id = ActionIds.New(at),
        VmId = vmId,
        Action = action.ToWire(),
        TaskState = task,
        RequestedAt = at,
        VmStateBefore = VmState.Active,
    };
}

internal static class VmAssert
{
    /// <summary>Records compare their tag dictionaries by reference; compare them by content instead.</summary>
    public static void Same(VmRecord? expected, VmRecord? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.StoredTags, actual.StoredTags);
        var tags = new Dictionary<string, string>();
        Assert.Equal(expected with { Tags = tags, StoredTags = tags }, actual with { Tags = tags, StoredTags = tags });
    }
}
