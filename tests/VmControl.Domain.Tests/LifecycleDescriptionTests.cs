using System.Text.Json;

namespace VmControl.Domain.Tests;

public sealed class LifecycleDescriptionTests
{
    private static readonly LifecycleDescription Full = LifecycleDescription.Build(new Dictionary<VmAction, string>());

    [Fact]
    public void Build_NothingUnsupported_DescribesEveryActionAsSupportedInTableOrder()
    {
        Assert.Equal(WireNames.All<VmAction>(), Full.Actions.Select(a => a.Action));
        Assert.All(Full.Actions, a => Assert.True(a.Supported && a.UnsupportedReason is null));
    }

    [Fact]
    public void Build_UnsupportedActions_AreFlaggedWithTheirReason()
    {
        var azure = LifecycleDescription.Build(new Dictionary<VmAction, string>
        {
            [VmAction.Pause] = "Azure cannot pause a VM.",
            [VmAction.Rescue] = "Azure has no rescue mode.",
        });

        var pause = Assert.Single(azure.Actions, a => a.Action == "pause");
        Assert.Equal((false, "Azure cannot pause a VM."), (pause.Supported, pause.UnsupportedReason));
        Assert.Equal(["pause", "rescue"], azure.Actions.Where(a => !a.Supported).Select(a => a.Action));
    }

    [Theory]
    [InlineData("stop", "powering_off", "active", "stopped", "shutdown", "unchanged")]
    [InlineData("reboot", "rebooting", "active", "active", "running", "error if not running afterwards, else unchanged")]
    [InlineData("rebuild", "rebuilding", "active,stopped", "active, or stopped if it was stopped", "running, or shutdown if it was stopped", "error")]
    [InlineData("revert_resize", "resize_reverting", "resized", "the vm_state before the resize", "as before the resize", "error")]
    [InlineData("resize", "resize_migrating", "active,stopped", "resized", "as before the resize", "unchanged if nothing moved, else error")]
    [InlineData("snapshot", "image_snapshot", "active,paused,suspended,stopped", "unchanged", "unchanged", "unchanged")]
    [InlineData("delete", "deleting", "initialized,active,rescued,paused,suspended,stopped,soft_deleted,resized,error", "hard_deleted", "nostate", "error")]
    public void Build_Action_DescribesItsRow(string action, string task, string from, string onSuccess, string power, string onFailure)
    {
        var a = Assert.Single(Full.Actions, x => x.Action == action);

        Assert.Equal((task, from, onSuccess, power, onFailure), (a.TaskState, string.Join(",", a.AllowedFrom), a.OnSuccess, a.ExpectedPowerAfter, a.OnFailure));
    }

    [Fact]
    public void Build_PreemptsTasks_IsTrueForDeleteOnly() =>
        Assert.Equal(["delete"], Full.Actions.Where(a => a.PreemptsTasks).Select(a => a.Action));

    [Fact]
    public void Build_States_ListsEveryWireNameAndNovaPowerCodes()
    {
        Assert.Equal(10, Full.VmStates.Count);
        Assert.Equal(21, Full.TaskStates.Count);
        Assert.Equal(
            [("nostate", 0), ("running", 1), ("paused", 3), ("shutdown", 4), ("crashed", 6), ("suspended", 7)],
            Full.PowerStates.Select(p => (p.Name, p.Code)));
        Assert.Equal(["active", "error"], Full.ResetStateTargets);
    }

    [Theory]
    [InlineData("suspended", "suspended,shutdown")]
    [InlineData("soft_deleted", "shutdown,nostate")]
    [InlineData("resized", "running")]
    [InlineData("error", "nostate,running,paused,shutdown,crashed,suspended")]
    public void Build_PowerConsistency_ListsTheConsistentPowerStates(string vmState, string consistent) =>
        Assert.Equal(consistent, string.Join(",", Assert.Single(Full.PowerConsistency, p => p.VmState == vmState).Consistent));

    [Fact]
    public void Serialize_WebDefaults_UsesCamelCaseNames()
    {
        var json = JsonSerializer.Serialize(Full, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement.GetProperty("actions")[0];
        Assert.Equal("create", first.GetProperty("action").GetString());
        Assert.Equal("spawning", first.GetProperty("taskState").GetString());
        Assert.Equal("initialized", first.GetProperty("allowedFrom")[0].GetString());
        Assert.True(first.GetProperty("supported").GetBoolean());
        Assert.Equal(4, doc.RootElement.GetProperty("powerStates")[3].GetProperty("code").GetInt32());
        Assert.True(doc.RootElement.TryGetProperty("powerConsistency", out _));
    }
}
