namespace VmControl.Application.UseCases;

/// <summary>
/// Nova's tag API over the VM's tag map (docs/fleet.md): not a task, the VM's row changes by compare-and-swap whatever
/// task is in flight (as Nova changes tags mid-task), and the tag index follows the write. Removing a tag the VM does
/// not have changes nothing; a tombstone's tags do not change.
/// </summary>
public sealed class ChangeTags(RowChange rows)
{
    public async Task<CommandResult> ChangeAsync(TagChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Invalid(change.Tags) is { } invalid)
        {
            return invalid;
        }

        // Tags are not an action on the machine: neither the lock nor a protection stops them.
        return await rows.RunAsync(change.VmId, change.IfMatch, change.Caller, (vm, _) => Decide(vm, change), written: null, cancellationToken)
            .ConfigureAwait(false);
    }

    private static (CommandResult? Refusal, VmRecord? Next) Decide(VmRecord vm, TagChange change)
    {
        var tags = Apply(vm.Tags, change);
        if (tags.Count > VmValidation.MaxTags)
        {
            return (new CommandResult.Invalid("tags", $"at most {VmValidation.MaxTags} tags are allowed."), null);
        }

        var same = tags.Count == vm.Tags.Count && tags.All(t => vm.Tags.TryGetValue(t.Key, out var v) && v == t.Value);
        return (null, same ? null : vm with { Tags = tags });
    }

    private static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> current, TagChange change)
    {
        var tags = change.Kind == TagChangeKind.Replace ? new Dictionary<string, string>(StringComparer.Ordinal) : current.ToDictionary(StringComparer.Ordinal);
        foreach (var (key, value) in change.Tags.Select(TagText.Parse))
        {
            if (change.Kind == TagChangeKind.Remove)
            {
                if (tags.TryGetValue(key, out var stored) && stored == value)
                {
                    tags.Remove(key);
                }
            }
            else
            {
                // A key holds one value: adding tier=2 replaces tier=1.
                tags[key] = value;
            }
        }

        return tags;
    }

    private static CommandResult.Invalid? Invalid(IReadOnlyList<string> tags)
    {
        if (tags.Count > VmValidation.MaxTags)
        {
            return new("tags", $"at most {VmValidation.MaxTags} tags are allowed.");
        }

        foreach (var tag in tags)
        {
            var (key, value) = TagText.Parse(tag);

            // '/' cannot travel in a path segment, and ',' separates the tags of a filter.
            if (VmValidation.Text("tags", key, 1, 512) is not null || VmValidation.Text("tags", value, 0, 256) is not null
                || tag.Contains('/', StringComparison.Ordinal) || tag.Contains(',', StringComparison.Ordinal))
            {
                return new("tags", $"'{Shorten(tag)}' is not a tag: a key of 1-512 characters, optionally '=' and a value of at most 256, without control characters, '/' or ','.");
            }
        }

        return null;
    }

    private static string Shorten(string tag) => tag.Length <= 40 ? tag : tag[..40] + "…";
}
