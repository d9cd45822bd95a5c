using System.Globalization;
using System.Text;
using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Testing.Fakes;

/// <summary>Offset tokens with a prefix, so a forged token is recognisable as one the fake did not issue.</summary>
public static class PageTokens
{
    private const string Prefix = "fake:";

    public static int Parse(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
                ? skip
                : throw new InvalidContinuationTokenException();
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException("Not a token of this store.", ex);
        }
    }

    public static Page<T> Page<T>(IReadOnlyList<T> items, int skip, int limit)
    {
        ArgumentNullException.ThrowIfNull(items);
        var page = items.Skip(skip).Take(limit).ToList();
        var next = skip + page.Count < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + (skip + page.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return new Page<T>(page, next);
    }
}
