using System.Net;
using System.Net.Sockets;

namespace VmControl.Events.Webhooks;

/// <summary>
/// The one HTTP client of webhook delivery and the handshake: no redirects (a 3xx is a failed attempt), no cookies,
/// connections renewed each minute so DNS is read again, and, with private addresses not allowed, a connect step that
/// resolves the host itself and refuses a non-public address, so a name that changes its answer after the subscription
/// was checked (DNS rebinding) still cannot reach the machines beside VmControl.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(Microsoft.Extensions.Options.IOptions<WebhookSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (!settings.Value.AllowPrivateAddresses)
        {
            handler.ConnectCallback = ConnectPublicAsync;
        }

        // Each call sets its own deadline (Events:Delivery:Timeout).
        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();

    /// <summary>Every address of the host, each checked: one non-public address refuses the host.</summary>
    public static async Task<IPAddress[]> ResolvePublicAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || addresses.Any(a => !AddressRules.IsPublic(a)))
        {
            throw new NonPublicAddressException(WebhookUrlRules.PrivateAddress(host));
        }

        return addresses;
    }

    private static async ValueTask<System.IO.Stream> ConnectPublicAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolvePublicAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
