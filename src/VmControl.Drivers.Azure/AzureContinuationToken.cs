using System.Text;

namespace VmControl.Drivers.Azure;

/// <summary>Wraps ARM's nextLink opaquely; an unwrapped link must point at ARM, since the SDK sends the bearer token to it.</summary>
internal static class AzureContinuationToken
{
    private const string Prefix = "az1.";

    public static string? Wrap(string? nextLink) =>
        string.IsNullOrEmpty(nextLink) ? null : Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(nextLink));

    public static string? Unwrap(string? token, Uri endpoint)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            if (token.StartsWith(Prefix, StringComparison.Ordinal))
            {
                var link = Encoding.UTF8.GetString(Convert.FromBase64String(token[Prefix.Length..]));
                if (Uri.TryCreate(link, UriKind.Absolute, out var uri)
                    && uri.Scheme == Uri.UriSchemeHttps
                    && string.Equals(uri.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase))
                {
                    return link;
                }
            }
        }
        catch (FormatException)
        {
            // Same answer as any other foreign token.
        }

        throw new InvalidContinuationTokenException();
    }
}
