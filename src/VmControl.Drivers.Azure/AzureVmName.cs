namespace VmControl.Drivers.Azure;

/// <summary>
/// Azure's rules for a Linux VM's resource name and the host name derived from it. The driver passes the VM id (which
/// always fits), never the display name: names are free text and can change, resource names cannot.
/// </summary>
internal static class AzureVmName
{
    private const int MaxLength = 64;

    /// <summary>
    /// The resource name as given, or a permanent <c>invalid_name</c>. Checked, not rewritten: the name is part of the
    /// resource id, and a silently changed one would not be the VM the caller asked for.
    /// </summary>
    public static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            throw Invalid(name, "it must have 1 to 64 characters");
        }

        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            throw Invalid(name, "it may only hold ASCII letters, digits, '-', '.' and '_'");
        }

        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            throw Invalid(name, "it must start with a letter or digit");
        }

        if (name[^1] is '.' or '-')
        {
            throw Invalid(name, "it must not end with '.' or '-'");
        }

        return name;
    }

    /// <summary>Linux host names may not hold '_', which resource names may; the rest of a valid name carries over.</summary>
    public static string ComputerName(string validName) => validName.Replace('_', '-').TrimEnd('-', '.');

    private static HypervisorException Invalid(string? name, string rule) => AzureErrors.Permanent(
        "invalid_name",
        $"'{name}' is not a valid Azure VM name: {rule} (Linux VMs: 1-64 ASCII letters, digits, '-', '.', '_').");
}
