using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmControl.Http;

/// <summary>The one JSON dialect of the API: camelCase, strict numbers, unknown properties ignored (docs/api.md#conventions).</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // "abc" for a number is a wrong type (400), not something to coerce.
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            MaxDepth = 32,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
