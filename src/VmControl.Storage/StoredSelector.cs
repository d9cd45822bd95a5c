namespace VmControl.Storage;

/// <summary>A <see cref="Selector"/> as stored: states by their wire names, so a reordered enum never changes what a row means.</summary>
internal sealed record StoredSelector(
    string[] Tags,
    string[] TagsAny,
    string[] NotTags,
    string[] NotTagsAny,
    string? VmState,
    string? PowerState,
    string? TaskState,
    bool IdleOnly,
    string? NamePrefix,
    string? Project)
{
    public static StoredSelector From(Selector s) => new(
        [.. s.Tags.All], [.. s.Tags.Any], [.. s.Tags.NotAll], [.. s.Tags.NotAny],
        s.VmState?.ToWire(), s.PowerState?.ToWire(), s.TaskState?.ToWire(), s.IdleOnly, s.NamePrefix, s.Project);

    public Selector ToSelector() => new()
    {
        Tags = new TagFilter(Tags, TagsAny, NotTags, NotTagsAny),
        VmState = Parse<VmState>(VmState),
        PowerState = Parse<PowerState>(PowerState),
        TaskState = Parse<TaskState>(TaskState),
        IdleOnly = IdleOnly,
        NamePrefix = NamePrefix,
        Project = Project,
    };

    private static TEnum? Parse<TEnum>(string? wire)
        where TEnum : struct, Enum =>
        wire is null ? null : WireNames.TryParse<TEnum>(wire, out var value) ? value : throw new InvalidOperationException($"Stored selector has an unknown {typeof(TEnum).Name} '{wire}'.");
}
