namespace VmControl.Application.Model;

/// <summary>
/// Who asks: an authenticated principal (an API key's name, a Microsoft Entra user, a Keystone user) or one of the
/// system's own actors. <see cref="Name"/> is what the history records as <c>requestedBy</c>.
/// </summary>
/// <param name="Name">The principal's name, as the action history and alert acknowledgements record it.</param>
/// <param name="Role">What it may do.</param>
/// <param name="Project">Its project: where its VMs are created and which VMs it sees (admins see every project).</param>
/// <param name="IsSystem">One of the system's own actors (power sync's heal, a resumed task): sees every project but
/// does not pass a lock as an admin would, so a locked VM is skipped, not acted on.</param>
public sealed record Caller(string Name, Role Role, string Project, bool IsSystem = false)
{
    public bool IsAdmin => Role == Role.Admin;

    /// <summary>Whether a VM of <paramref name="project"/> exists for this caller: another project's VM is a 404, never a 403.</summary>
    public bool Sees(string? project) => IsAdmin || IsSystem || string.Equals(project ?? Projects.Default, Project, StringComparison.Ordinal);

    /// <summary>Whether this caller may do what <paramref name="required"/> allows.</summary>
    public bool Has(Role required) => Role >= required;

    /// <summary>A system actor (<c>power-sync</c>): all projects, operator rights, no lock override.</summary>
    public static Caller System(string name) => new(name, Role.Operator, Projects.Default, IsSystem: true);
}
