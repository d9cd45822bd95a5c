using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VmControl.Application.UseCases;

/// <summary>The field rules of docs/api.md. Also keeps out what Table Storage would reject, before any write.</summary>
public static class VmValidation
{
    public const int MaxTags = 50;

    /// <summary>Nova's limit for a server name and a description.</summary>
    public const int MaxNameLength = 255;

    public const int MaxDescriptionLength = 255;

    public static CommandResult.Invalid? Create(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Name(request.Name)
            ?? Text("size", request.Size, 1, 256)
            ?? Text("image", request.Image, 1, 256)
            ?? Tags(request.Tags)
            ?? Details(request.Description, request.AccessIPv4, request.AccessIPv6);
    }

    /// <summary>
    /// Nova's server name rule: 1-255 printable characters (any script), no leading or trailing space. A name is only a
    /// label: nothing that reaches a cloud provider is derived from it (drivers use the VM id).
    /// </summary>
    public static CommandResult.Invalid? Name(string? name) =>
        name is null || !IsPrintable(name, out var length) || length < 1 || length > MaxNameLength
            || Rune.IsWhiteSpace(Rune.GetRuneAt(name, 0)) || IsWhiteSpaceAtEnd(name)
            ? new("name", $"name must be 1-{MaxNameLength} printable characters without leading or trailing spaces.")
            : null;

    /// <summary>The description (null: none), the access addresses (null: none); the first that is wrong.</summary>
    public static CommandResult.Invalid? Details(string? description, string? accessIPv4, string? accessIPv6) =>
        Description(description) ?? Address("accessIPv4", accessIPv4, AddressFamily.InterNetwork) ?? Address("accessIPv6", accessIPv6, AddressFamily.InterNetworkV6);

    /// <summary>Nova's description: 0-255 printable characters (spaces anywhere).</summary>
    public static CommandResult.Invalid? Description(string? description) =>
        description is not null && (!IsPrintable(description, out var length) || length > MaxDescriptionLength)
            ? new("description", $"description must be 0-{MaxDescriptionLength} printable characters.")
            : null;

    /// <summary>An IPv4 address in dotted-quad form, or an IPv6 address; null is none.</summary>
    public static CommandResult.Invalid? Address(string field, string? value, AddressFamily family)
    {
        if (value is null)
        {
            return null;
        }

        var valid = family == AddressFamily.InterNetwork
            ? value.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit))
                && IPAddress.TryParse(value, out var v4) && v4.AddressFamily == family
            : value.Length <= 45 && !value.Contains('%', StringComparison.Ordinal)
                && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == family;
        return valid ? null : new(field, $"{field} must be an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address.");
    }

    public static CommandResult.Invalid? Text(string field, string? value, int min, int max) =>
        value is null || value.Length < min || value.Length > max || value.Any(char.IsControl)
            ? new(field, $"{field} must be {min}-{max} characters without control characters.")
            : null;

    /// <summary>
    /// Nova's "printable": no control, format, private-use, unassigned or lone-surrogate characters, and no separator
    /// but the ordinary spaces (no line breaks). <paramref name="length"/> counts characters (code points), as Nova does.
    /// </summary>
    private static bool IsPrintable(string value, out int length)
    {
        length = 0;
        var index = 0;
        while (index < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var used) != OperationStatus.Done)
            {
                return false;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }

            index += used;
            length++;
        }

        return true;
    }

    private static bool IsWhiteSpaceAtEnd(string name) =>
        Rune.DecodeLastFromUtf16(name, out var last, out _) == OperationStatus.Done && Rune.IsWhiteSpace(last);

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
}
