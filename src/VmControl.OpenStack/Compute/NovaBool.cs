namespace VmControl.OpenStack.Compute;

/// <summary>oslo's <c>strutils.bool_from_string(strict=True)</c>, which Nova's boolean query filters use.</summary>
public static class NovaBool
{
    private static readonly string[] Accepted = ["0", "1", "f", "false", "n", "no", "off", "on", "t", "true", "y", "yes"];
    private static readonly string[] True = ["1", "t", "true", "on", "y", "yes"];

    /// <summary>The value, or the message of oslo's ValueError.</summary>
    public static (bool Value, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lowered = text.Trim().ToLowerInvariant();
        return Accepted.Contains(lowered, StringComparer.Ordinal)
            ? (True.Contains(lowered, StringComparer.Ordinal), null)
            : (false, $"Unrecognized value '{text}', acceptable values are: {string.Join(", ", Accepted.Select(a => $"'{a}'"))}");
    }
}
