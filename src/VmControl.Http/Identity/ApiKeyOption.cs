namespace VmControl.Http.Identity;

/// <summary>One API key as the settings hold it: never the key itself, only its SHA-256 (lowercase hex).</summary>
public sealed class ApiKeyOption
{
    /// <summary>The principal's name: what the history records as <c>requestedBy</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>reader</c>, <c>operator</c> or <c>admin</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The key's project (default <c>default</c>).</summary>
    public string? Project { get; set; }

    /// <summary>SHA-256 of the key, 64 lowercase hex characters (<c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string? Hash { get; set; }
}
