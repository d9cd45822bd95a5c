namespace VmControl.Http.Identity;

/// <summary>How roles are spelled on the wire, in settings, in Entra app roles and as Keystone roles.</summary>
public static class RoleNames
{
    /// <summary>The Entra app role values (<c>VmControl.Reader</c>, ...), matched without regard to case.</summary>
    public const string AppRolePrefix = "VmControl.";

    public static string ToWire(this Role role) => role.ToString().ToLowerInvariant();

    /// <summary><c>reader</c>, <c>operator</c>, <c>admin</c> (any case), or null.</summary>
    public static Role? Parse(string? text) =>
        Enum.TryParse<Role>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _) ? role : null;

    /// <summary>The strongest of the Entra app roles in <paramref name="values"/>, or null when none is ours.</summary>
    public static Role? FromAppRoles(IEnumerable<string> values) =>
        values.Where(v => v.StartsWith(AppRolePrefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => Parse(v[AppRolePrefix.Length..]))
            .Max();
}
