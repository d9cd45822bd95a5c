using System.Globalization;
using System.Text.Json;

namespace VmControl.OpenStack;

/// <summary>Nova's and Keystone's JSON dialect: exact field names (built as nodes), times in the formats the services print.</summary>
internal static class NovaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        // Clients compare media types such as "application/vnd.openstack.identity-v3+json" as text; keep '+' unescaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonNodeOptions NodeOptions { get; } = new() { PropertyNameCaseInsensitive = false };

    /// <summary>A member named twice, at any depth, is malformed JSON here (a parse error, not an exception on first access).</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>Server <c>created</c>/<c>updated</c>: <c>2013-09-03T04:01:32Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Database times (<c>launched_at</c>, instance actions): <c>2013-09-03T04:01:32.000000</c>, no zone.</summary>
    public static string DbTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Keystone's <c>expires_at</c>: <c>2015-11-09T01:42:57.000000Z</c>.</summary>
    public static string KeystoneTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A JSON object body, or null when the body is not JSON (a member named twice included) or not an object.</summary>
    public static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text, NodeOptions, DocumentOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string member, or null when it is missing or not a string.</summary>
    public static string? Text(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
