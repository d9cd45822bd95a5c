using VmControl.Application.Events;

namespace VmControl.Application.UseCases;

/// <summary>The checks of a subscription's fields other than its URL (the URL is <see cref="IWebhookValidator"/>'s).</summary>
public static class SubscriptionRules
{
    public const string SecretPrefix = "whsec_";
    public const int MaxAttemptsLimit = 50;
    private const int MaxEntries = 50;
    private const int MaxEntryLength = 256;

    /// <summary>What is wrong with the filters, the secret and the budget, or null.</summary>
    public static string? Check(SubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Types is { } types && (types.Count is 0 or > MaxEntries || types.Any(t => !IsTypeEntry(t))))
        {
            return $"types must be 1-{MaxEntries} event types (e.g. {EventTypes.VmStateChanged}), each of which may end in '*' as a prefix wildcard; leave it out for all.";
        }

        if (request.Subjects is { } subjects && (subjects.Count is 0 or > MaxEntries || subjects.Any(s => !IsText(s))))
        {
            return $"subjects must be 1-{MaxEntries} subject prefixes (e.g. vms/vm-...) of at most {MaxEntryLength} characters; leave it out for all.";
        }

        if (request.Secret is { } secret && DecodeSecret(secret) is null)
        {
            return "secret must be 'whsec_' followed by the base64 of 24-64 random bytes; leave it out to have one generated.";
        }

        return request.MaxAttempts is < 1 or > MaxAttemptsLimit ? $"maxAttempts must be 1-{MaxAttemptsLimit}." : null;
    }

    /// <summary>The key bytes of a <c>whsec_</c> secret, or null when it is not one.</summary>
    public static byte[]? DecodeSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var text = secret[SecretPrefix.Length..];
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) && written is >= 24 and <= 64 ? buffer[..written] : null;
    }

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static bool IsTypeEntry(string? entry) =>
        IsText(entry) && entry!.IndexOf('*', StringComparison.Ordinal) is var star && (star < 0 || star == entry.Length - 1);

    private static bool IsText(string? entry) =>
        entry is { Length: > 0 and <= MaxEntryLength } && !entry.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
