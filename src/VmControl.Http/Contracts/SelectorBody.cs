using VmControl.Application.UseCases;
using VmControl.Domain;

namespace VmControl.Http.Contracts;

/// <summary>
/// A selector on the wire (docs/fleet.md): the VM listing's filters as one object, with the same meaning. The wire
/// names of states are the listing's; <c>taskState</c> <c>none</c> means no task in flight; <c>name</c> is a prefix.
/// </summary>
public sealed record SelectorBody(
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? TagsAny = null,
    IReadOnlyList<string>? NotTags = null,
    IReadOnlyList<string>? NotTagsAny = null,
    string? VmState = null,
    string? PowerState = null,
    string? TaskState = null,
    string? Name = null,
    string? Project = null)
{
    /// <summary>The selector, or a 400 naming the field (under <paramref name="field"/>) that is wrong.</summary>
    public (Selector? Value, ApiResult? Problem) ToSelector(string field)
    {
        var lists = new[] { (Tags, "tags"), (TagsAny, "tagsAny"), (NotTags, "notTags"), (NotTagsAny, "notTagsAny") };
        foreach (var (list, name) in lists)
        {
            if (list is not null
                && (list.Count > RequestReader.MaxTagsInFilter
                    || list.Any(t => t is null || t.Length is 0 or > RequestReader.MaxTagLength || t.Any(char.IsControl))))
            {
                return (null, Problems.Invalid($"{field}.{name}", $"{name} must be at most {RequestReader.MaxTagsInFilter} tags of 1-{RequestReader.MaxTagLength} characters without control characters."));
            }
        }

        var (vmState, p1) = Parse<VmState>(VmState, $"{field}.vmState");
        var (powerState, p2) = Parse<PowerState>(PowerState, $"{field}.powerState");
        var idle = TaskState == "none";
        var (taskState, p3) = idle ? (null, null) : Parse<TaskState>(TaskState, $"{field}.taskState");
        if ((p1 ?? p2 ?? p3) is { } problem)
        {
            return (null, problem);
        }

        if (Name is { Length: > VmValidation.MaxNameLength } || Name?.Any(char.IsControl) == true)
        {
            return (null, Problems.Invalid($"{field}.name", $"name must be a prefix of at most {VmValidation.MaxNameLength} characters."));
        }

        if (Project is not null && !Projects.IsValid(Project))
        {
            return (null, Problems.Invalid($"{field}.project", "project is not a valid project id."));
        }

        return (new Selector
        {
            Tags = new TagFilter(Tags ?? [], TagsAny ?? [], NotTags ?? [], NotTagsAny ?? []),
            VmState = vmState,
            PowerState = powerState,
            TaskState = taskState,
            IdleOnly = idle,
            NamePrefix = string.IsNullOrEmpty(Name) ? null : Name,
            Project = Project,
        }, null);
    }

    public static SelectorBody From(Selector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new(
            selector.Tags.All, selector.Tags.Any, selector.Tags.NotAll, selector.Tags.NotAny,
            selector.VmState?.ToWire(), selector.PowerState?.ToWire(),
            selector.IdleOnly ? "none" : selector.TaskState?.ToWire(), selector.NamePrefix, selector.Project);
    }

    private static (TEnum? Value, ApiResult? Problem) Parse<TEnum>(string? wire, string field)
        where TEnum : struct, Enum =>
        wire is null ? (null, null)
        : WireNames.TryParse<TEnum>(wire, out var value) ? (value, null)
        : (null, Problems.NotOneOf<TEnum>(field));
}
