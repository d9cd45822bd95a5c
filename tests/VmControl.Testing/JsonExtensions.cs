using System.Text.Json;

namespace VmControl.Testing;

public static class JsonExtensions
{
    /// <summary>A string property, or null when it is JSON null or absent.</summary>
    public static string? Str(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string[] Strings(this JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    public static JsonElement[] Items(this JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    public static string[] EventSteps(this JsonElement action) => [.. action.GetProperty("events").EnumerateArray().Select(e => e.Str("step")!)];
}
