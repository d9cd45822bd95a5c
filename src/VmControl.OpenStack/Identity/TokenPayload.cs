using System.Text.Json.Serialization;

namespace VmControl.OpenStack.Identity;

/// <summary>What a token carries, signed: user, project, roles, and the times (Unix seconds).</summary>
internal sealed record TokenPayload(
    [property: JsonPropertyName("u")] string User,
    [property: JsonPropertyName("p")] string Project,
    [property: JsonPropertyName("r")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("i")] long IssuedAt,
    [property: JsonPropertyName("e")] long ExpiresAt);
