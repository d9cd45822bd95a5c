using System.Net;

namespace VmControl.Events.Webhooks;

/// <summary>The rules a webhook URL must keep before anything is sent to it (docs/events.md): null when it keeps them, else why not.</summary>
public static class WebhookUrlRules
{
    public const int MaxLength = 2048;

    public static string? Check(string url, WebhookSettings settings)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(settings);
        if (url.Length > MaxLength)
        {
            return $"url must be at most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url must be an absolute http or https URL.";
        }

        if (settings.HttpsOnly && uri.Scheme != Uri.UriSchemeHttps)
        {
            return "url must be https on this deployment (Events:Webhooks:HttpsOnly).";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not carry a user name or password; authenticate the events by their signature.";
        }

        if (uri.Fragment.Length > 0)
        {
            return "url must not have a fragment.";
        }

        return !settings.AllowPrivateAddresses && IPAddress.TryParse(uri.IdnHost, out var literal) && !AddressRules.IsPublic(literal)
            ? PrivateAddress(uri.Host)
            : null;
    }

    public static string PrivateAddress(string host) =>
        $"url's host {host} is or resolves to a loopback, private, link-local or otherwise non-public address, which this deployment does not call (Events:Webhooks:AllowPrivateAddresses).";
}
