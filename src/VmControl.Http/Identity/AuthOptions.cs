namespace VmControl.Http.Identity;

/// <summary>The <c>Auth</c> settings section (docs/security.md).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The API keys both hosts accept in <c>X-Api-Key</c>.</summary>
    public List<ApiKeyOption> ApiKeys { get; init; } = [];

    /// <summary>
    /// The claim of a Microsoft Entra principal that names its project (Functions host only); a principal without it is
    /// in <see cref="DefaultProject"/>.
    /// </summary>
    public string ProjectClaim { get; set; } = "vmcontrol_project";

    /// <summary>The project of a principal that names none.</summary>
    public string DefaultProject { get; set; } = Application.Model.Projects.Default;
}
