using System.Text.Json.Nodes;
using Json.Schema;

namespace VmControl.Events.Tests.Contract;

/// <summary>
/// The published contract: docs/events/schemas holds one JSON Schema per event type (the CloudEvent envelope with the
/// <c>project</c> extension and the data), closed (<c>additionalProperties: false</c>, every field required), so an
/// event the builders write with a field added, dropped or renamed fails here before a consumer sees it.
/// </summary>
public sealed class EventSchemaTests
{
    private static readonly Uri Source = new("https://func-example.azurewebsites.net");

    public static TheoryData<string> EveryType() => [.. EventTypes.All];

    [Fact]
    public void SchemaFiles_AreExactlyTheEventTypes()
    {
        var files = Directory.GetFiles(SchemaFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Samples_CoverEveryType()
    {
        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), SampleEvents.All().Select(e => e.Type).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void BuiltEvent_AsCloudEventJson_MatchesItsSchema(string type)
    {
        var schema = SchemaOf(type);

        foreach (var e in SampleEvents.All().Where(e => e.Type == type))
        {
            var json = JsonNode.Parse(CloudEventJson.Serialize(e, Source))!;
            var result = schema.Evaluate(json, Options);

            Assert.True(result.IsValid, $"{type}: {Errors(result)}\n{json.ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Schema_RejectsAnAddedADroppedAndARenamedField(string type)
    {
        // What a builder change would look like to the schema: each must fail, or the test above proves nothing.
        var schema = SchemaOf(type);
        var sample = JsonNode.Parse(CloudEventJson.Serialize(SampleEvents.All().First(e => e.Type == type), Source))!.AsObject();
        var field = sample["data"]!.AsObject().First().Key;

        var added = sample.DeepClone().AsObject();
        added["data"]!.AsObject()["extra"] = 1;
        var dropped = sample.DeepClone().AsObject();
        dropped["data"]!.AsObject().Remove(field);
        var renamed = sample.DeepClone().AsObject();
        var value = renamed["data"]![field]!.DeepClone();
        renamed["data"]!.AsObject().Remove(field);
        renamed["data"]!.AsObject()[field + "X"] = value;
        var noProject = sample.DeepClone().AsObject();
        noProject.Remove("project");

        Assert.All(new[] { added, dropped, renamed, noProject }, json => Assert.False(schema.Evaluate(json, Options).IsValid, json.ToJsonString()));
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Schema_NamesTheTypeAndDraft202012(string type)
    {
        var text = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaFolder, type + ".json")))!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", text["$schema"]!.GetValue<string>());
        Assert.Equal(type, text["properties"]!["type"]!["const"]!.GetValue<string>());
        Assert.False(text["additionalProperties"]!.GetValue<bool>());
        Assert.False(text["properties"]!["data"]!["additionalProperties"]!.GetValue<bool>());
    }

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static string SchemaFolder => RepoPaths.PathOf("docs", "events", "schemas");

    private static JsonSchema SchemaOf(string type) => JsonSchema.FromFile(Path.Combine(SchemaFolder, type + ".json"));

    private static string Errors(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
