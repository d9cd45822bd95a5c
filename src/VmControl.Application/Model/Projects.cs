namespace VmControl.Application.Model;

/// <summary>Project names: Nova's tenancy. Every VM is in exactly one.</summary>
public static class Projects
{
    /// <summary>The project of VMs stored before projects existed, and of callers configured without one.</summary>
    public const string Default = "default";

    public const int MaxLength = 64;

    /// <summary>1-64 letters, digits, '-', '_' or '.': safe in a table filter and a log line.</summary>
    public static bool IsValid(string? project) =>
        project is { Length: > 0 and <= MaxLength } && project.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
