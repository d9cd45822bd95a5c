using System.Text.RegularExpressions;

namespace VmControl.Application.UseCases;

/// <summary>The field rules of docs/api.md. Also keeps out what Table Storage would reject, before any write.</summary>
public static partial class VmValidation
{
    public const int MaxTags = 50;

    public static CommandResult.Invalid? Create(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Name) || request.Name.Length > 64 || !NamePattern().IsMatch(request.Name))
        {
            return new("name", "name must be 1-64 characters: letters, digits, '-', '_' or '.'.");
        }

        return Text("size", request.Size, 1, 256) ?? Text("image", request.Image, 1, 256) ?? Tags(request.Tags);
    }

    public static CommandResult.Invalid? Text(string field, string? value, int min, int max) =>
        value is null || value.Length < min || value.Length > max || value.Any(char.IsControl)
            ? new(field, $"{field} must be {min}-{max} characters without control characters.")
            : null;

    private static CommandResult.Invalid? Tags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return null;
        }

        if (tags.Count > MaxTags)
        {
            return new("tags", $"at most {MaxTags} tags are allowed.");
        }

        foreach (var (key, value) in tags)
        {
            if (Text("tags", key, 1, 512) is not null)
            {
                return new("tags", "tag keys must be 1-512 characters without control characters.");
            }

            if (value is null || Text("tags", value, 0, 256) is not null)
            {
                return new("tags", $"the value of tag '{key}' must be 0-256 characters without control characters.");
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
