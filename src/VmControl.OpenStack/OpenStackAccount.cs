namespace VmControl.OpenStack;

/// <summary>One Keystone account: a user in the <c>Default</c> domain scoped to one project.</summary>
public sealed class OpenStackAccount
{
    public string? User { get; set; }

    public string? Password { get; set; }

    public string Project { get; set; } = "vmcontrol";

    /// <summary>Keystone roles; <c>admin</c> unlocks os-resetState and the instance-action events.</summary>
    public List<string> Roles { get; init; } = [];
}
