using System.Security.Cryptography;
using System.Text.Json;

namespace VmControl.Http;

/// <summary>Reads and parses requests without ever throwing at the caller: every failure becomes a problem result.</summary>
public static class RequestReader
{
    /// <summary>The largest body accepted; the biggest valid body (50 tags) is far below it.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Reads the body up to <see cref="MaxBodyBytes"/>; a larger one is a 413 problem.</summary>
    public static async Task<(RequestBody? Body, ApiResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.PayloadTooLarge(MaxBodyBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            // Checked while reading, so a chunked body without Content-Length cannot make us buffer more than the cap.
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, Problems.PayloadTooLarge(MaxBodyBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return (new RequestBody(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }

    /// <summary>Deserializes a JSON body; malformed JSON, a wrong type or a missing body is a 400 naming the field.</summary>
    public static (T? Value, ApiResult? Problem) Parse<T>(RequestBody body, bool optional = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.IsEmpty)
        {
            return optional ? (null, null) : (null, Problems.Invalid("body", "A JSON body is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body.Bytes.Span, ApiJson.Options);
            return value is null && !optional ? (null, Problems.Invalid("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Invalid(FieldOf(ex.Path), "The body is not valid JSON for this request: " + Describe(ex)));
        }
        catch (NotSupportedException ex)
        {
            return (null, Problems.Invalid("body", "The body cannot be read: " + ex.Message));
        }
    }

    /// <summary><c>limit</c>: absent → the default; else an integer 1-1000, never clamped.</summary>
    public static (int Limit, ApiResult? Problem) Limit(HttpRequest request, int defaultLimit = 100, int max = 1000)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.Query["limit"];
        if (raw.Count == 0)
        {
            return (defaultLimit, null);
        }

        return raw.Count == 1 && int.TryParse(raw[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max
            ? (limit, null)
            : (0, Problems.Invalid("limit", $"limit must be an integer from 1 to {max}."));
    }

    internal const int MaxTagsInFilter = 50;

    // A tag string is a map key (at most 512) and value (at most 256) joined by '='.
    internal const int MaxTagLength = 769;

    /// <summary>One optional query value; repeated values are a 400 (we never guess which one was meant).</summary>
    public static (string? Value, ApiResult? Problem) Query(HttpRequest request, string name, int maxLength = 4096)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.Query[name];
        if (raw.Count == 0 || (raw.Count == 1 && string.IsNullOrEmpty(raw[0])))
        {
            return (null, null);
        }

        return raw.Count > 1 || raw[0]!.Length > maxLength
            ? (null, Problems.Invalid(name, $"{name} must be given once and at most {maxLength} characters."))
            : (raw[0], null);
    }

    /// <summary>
    /// Nova's four tag filters (<c>tags</c>, <c>tags-any</c>, <c>not-tags</c>, <c>not-tags-any</c>), each a comma-separated
    /// list of tag strings (<c>key</c> or <c>key=value</c>); null when none is given.
    /// </summary>
    public static (TagFilter? Value, ApiResult? Problem) Tags(HttpRequest request)
    {
        var lists = new List<IReadOnlyList<string>>(4);
        foreach (var name in new[] { "tags", "tags-any", "not-tags", "not-tags-any" })
        {
            var (raw, problem) = Query(request, name);
            if (problem is not null)
            {
                return (null, problem);
            }

            var tags = raw?.Split(',') ?? [];
            if (tags.Length > MaxTagsInFilter || tags.Any(t => t.Length is 0 or > MaxTagLength || t.Any(char.IsControl)))
            {
                return (null, Problems.Invalid(name, $"{name} must be at most {MaxTagsInFilter} comma-separated tags of 1-{MaxTagLength} characters without control characters."));
            }

            lists.Add(tags);
        }

        var filter = new TagFilter(lists[0], lists[1], lists[2], lists[3]);
        return (filter.IsEmpty ? null : filter, null);
    }

    /// <summary>An optional enum filter by wire name; an unknown value is a 400.</summary>
    public static (TEnum? Value, ApiResult? Problem) Enum<TEnum>(HttpRequest request, string name)
        where TEnum : struct, Enum
    {
        var (raw, problem) = Query(request, name, 64);
        if (problem is not null || raw is null)
        {
            return (null, problem);
        }

        return Domain.WireNames.TryParse<TEnum>(raw, out var value)
            ? (value, null)
            : (null, Problems.NotOneOf<TEnum>(name));
    }

    public static string? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[ApiHeaders.IfMatch].FirstOrDefault()?.Trim();

        // "*" matches any current version (RFC 9110 §13.1.1); the VM must still exist, which every command checks.
        return string.IsNullOrEmpty(value) || value == "*" ? null : value;
    }

    // "$.tags.env" → "tags"; the API names top-level fields.
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var end = trimmed.IndexOfAny(['.', '[']);
        var field = end > 0 ? trimmed[..end] : trimmed;
        return string.IsNullOrEmpty(field) ? "body" : field;
    }

    // The serializer's messages name .NET types; keep the position, which is what helps the caller.
    private static string Describe(JsonException ex) =>
        ex.LineNumber is { } line ? $"at line {line + 1}, position {ex.BytePositionInLine + 1} (path {ex.Path ?? "$"})." : $"path {ex.Path ?? "$"}.";
}
