using System.Text;

namespace VmControl.Drivers.Simulated;

/// <summary>
/// Wraps the table's continuation token in the simulator's own opaque format, so a token from another listing
/// is told apart (and refused) before it reaches the table.
/// </summary>
internal static class PageTokens
{
    private const string Prefix = "sim1.";

    public static string Encode(string tableToken) =>
        Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(tableToken)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Decode(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidContinuationTokenException("The continuation token is not one the simulated hypervisor issued.");
        }

        var body = token[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        body = body.PadRight(body.Length + ((4 - (body.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }
        catch (FormatException e)
        {
            throw new InvalidContinuationTokenException("The continuation token is not one the simulated hypervisor issued.", e);
        }
    }
}
