namespace VmControl.OpenStack.Compute;

/// <summary>Nova's names for actions (<c>nova/compute/instance_actions.py</c>), as the history and the 409 messages spell them.</summary>
public static class NovaActionNames
{
    public static string Of(VmAction action) => action switch
    {
        VmAction.RebootHard => "reboot",
        VmAction.ConfirmResize => "confirmResize",
        VmAction.RevertResize => "revertResize",
        VmAction.Snapshot => "createImage",
        VmAction.Backup => "createBackup",
        VmAction.SoftDelete => "softDelete",
        _ => action.ToWire(),
    };

    /// <summary>A history entry's wire name (<c>reboot_hard</c>, <c>reset_state</c>) in Nova's spelling.</summary>
    public static string OfRecorded(string wire) =>
        wire == "reset_state" ? "resetState" : WireNames.TryParse<VmAction>(wire, out var action) ? Of(action) : wire;
}
