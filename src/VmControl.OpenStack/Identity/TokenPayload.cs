using System.Text.Json.Serialization;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// What a token carries, signed: user, project, roles, the times (Unix seconds), and the fingerprint of the
/// credential it was issued for, so that a password change revokes every token issued before it.
/// </summary>
internal sealed record TokenPayload(
    [property: JsonPropertyName("u")] string User,
    [property: JsonPropertyName("p")] string Project,
    [property: JsonPropertyName("r")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("i")] long IssuedAt,
    [property: JsonPropertyName("e")] long ExpiresAt,
    [property: JsonPropertyName("c")] string? Credential);
