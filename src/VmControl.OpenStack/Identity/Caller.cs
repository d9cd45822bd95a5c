namespace VmControl.OpenStack.Identity;

/// <summary>Who a compute request runs as: the token's user and project, or the keyless admin.</summary>
public sealed record Caller(string UserName, string ProjectName, IReadOnlyList<string> Roles)
{
    public const string NoAuthUser = "noauth";

    public string UserId => KeystoneIds.Of("user", UserName);

    public string ProjectId => KeystoneIds.Of("project", ProjectName);

    public bool IsAdmin => Roles.Contains("admin", StringComparer.Ordinal);

    /// <summary>What the action history records as <c>requestedBy</c>; the prefix tells the native API's readers which face it came through.</summary>
    public string RequestedBy => "openstack:" + UserName;
}
