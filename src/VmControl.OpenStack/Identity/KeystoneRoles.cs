using VmControl.Application.Model;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// Keystone's default roles as VmControl's (docs/security.md): <c>reader</c> reads, <c>member</c> acts as an operator,
/// <c>admin</c> is admin; a token with none of them may do nothing. The project is the token's project by name, the
/// same name the native API's keys carry, so both faces see the same VMs.
/// </summary>
public static class KeystoneRoles
{
    public static Role? RoleOf(IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Contains("admin", StringComparer.Ordinal))
        {
            return Role.Admin;
        }

        if (roles.Contains("member", StringComparer.Ordinal) || roles.Contains("_member_", StringComparer.Ordinal))
        {
            return Role.Operator;
        }

        return roles.Contains("reader", StringComparer.Ordinal) ? Role.Reader : null;
    }

    /// <summary>The Keystone caller as the application's caller; null when its roles give it no rights at all.</summary>
    public static Application.Model.Caller? Actor(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return RoleOf(caller.Roles) is { } role ? new Application.Model.Caller(caller.RequestedBy, role, caller.ProjectName) : null;
    }
}
