using System.Text.Json;

namespace VmControl.Functions.Tests.Metadata;

/// <summary>
/// The <c>functions.metadata</c> of the build: the index the Functions host reads at startup to learn the worker's
/// functions, triggers and bindings (the worker SDK generates it from the <c>[Function]</c> attributes when
/// VmControl.Functions builds). The SDK lists it among the Functions project's files to copy to the output, and the
/// project reference carries that copy into this test project's output, next to the Functions assembly.
/// </summary>
public sealed class FunctionsMetadata
{
    public const string FileName = "functions.metadata";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A binding without name, type or direction is a malformed file, not an empty value.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    // Lazy caches a failure too: with the file missing, every test that reads it fails with the same message.
    private static readonly Lazy<FunctionsMetadata> Built = new(() => Load(BuiltPath));

    private FunctionsMetadata(IReadOnlyList<FunctionMetadata> functions) => Functions = functions;

    /// <summary>Where the build's file is expected: the test output, next to VmControl.Functions.dll.</summary>
    public static string BuiltPath => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>The build's file; throws (the test fails, it is never skipped) when it is missing or unreadable.</summary>
    public static FunctionsMetadata FromBuild => Built.Value;

    public IReadOnlyList<FunctionMetadata> Functions { get; }

    /// <summary>The function named <paramref name="name"/>; throws when there is none, or several.</summary>
    public FunctionMetadata this[string name] =>
        Functions.Where(f => f.Name == name).ToList() is [var function]
            ? function
            : throw new KeyNotFoundException($"{FileName} does not describe exactly one function named '{name}'.");

    /// <summary>The functions whose trigger is of <paramref name="triggerType"/>.</summary>
    public IEnumerable<FunctionMetadata> WithTrigger(string triggerType) => Functions.Where(f => f.Trigger.Type == triggerType);

    public static FunctionsMetadata Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing. The Functions worker SDK writes {FileName} when VmControl.Functions builds, and the "
                + "project reference copies it to this test output; without it the host would index no function.",
                path);
        }

        var functions = JsonSerializer.Deserialize<List<FunctionMetadata>>(File.ReadAllText(path), Options);
        return functions is { Count: > 0 }
            ? new FunctionsMetadata(functions)
            : throw new InvalidDataException($"{path} lists no function.");
    }
}
