namespace VmControl.OpenStack;

/// <summary>The <c>OpenStack</c> settings section. Passwords and the token key come from the environment or the command line, never from the repository.</summary>
public sealed class OpenStackOptions
{
    public const string Section = "OpenStack";

    /// <summary>The accounts Keystone accepts for password auth.</summary>
    public List<OpenStackAccount> Accounts { get; init; } = [];

    /// <summary>The flavors offered; empty means <see cref="FlavorOption.Defaults"/>.</summary>
    public List<FlavorOption> Flavors { get; init; } = [];

    /// <summary>
    /// Lets compute requests without a token through (<c>--os-auth-type none</c>) as an admin. Loopback only: it is
    /// honoured only for requests from a loopback address.
    /// </summary>
    public bool AllowNoAuth { get; set; }

    /// <summary>How long an issued token is valid; short, because a token cannot be revoked.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The HMAC key (base64, at least 32 bytes). Unset: a random key per process, so tokens die with it.</summary>
    public string? TokenKey { get; set; }

    /// <summary>The region name in the catalog.</summary>
    public string Region { get; set; } = "RegionOne";
}
