using System.Text.Json.Nodes;

namespace VmControl.Infra.Tests;

/// <summary>A compiled ARM template, with its resources flattened through nested (module) deployments.</summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(string text, JsonNode root)
    {
        Text = text;
        Root = root;
        Resources = [.. ResourcesOf(root)];
    }

    public string Text { get; }

    public JsonNode Root { get; }

    /// <summary>Every resource of the template and of every nested template, depth first.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public static ArmTemplate Load(string path) => Parse(File.ReadAllText(path));

    public static ArmTemplate Parse(string text) =>
        new(text, JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty template."));

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The template without the Bicep version and hash in every <c>metadata._generator</c>.</summary>
    public JsonNode Normalised()
    {
        var copy = Root.DeepClone();
        RemoveGenerator(copy);
        return copy;
    }

    private static IEnumerable<JsonObject> ResourcesOf(JsonNode template)
    {
        // Plain templates hold an array; languageVersion 2.0 templates an object keyed by symbolic name.
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject map => map.Select(p => p.Value),
            _ => [],
        };
        foreach (var resource in resources.OfType<JsonObject>())
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void RemoveGenerator(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["metadata"] is JsonObject metadata)
                {
                    metadata.Remove("_generator");
                }

                foreach (var (_, value) in obj)
                {
                    RemoveGenerator(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveGenerator(item);
                }

                break;
        }
    }
}
