using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// Whether keyless mode (<c>OpenStack:AllowNoAuth</c>) may apply to a request. It fails closed: every address the
/// server listens on must be loopback (a host bound to <c>0.0.0.0</c>, <c>*</c> or a LAN name is reachable by others
/// whatever a request says), the connection itself must come from a loopback address (a null address, as some test
/// or in-process servers give, is not trusted), and the request must carry no forwarding header (a proxy on the same
/// machine makes every caller look local).
/// </summary>
public static class NoAuthGate
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Original-For", "X-Real-IP"];

    public static bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return false;
        }

        if (ForwardingHeaders.Any(h => context.Request.Headers.ContainsKey(h)))
        {
            return false;
        }

        var addresses = context.RequestServices.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is { Count: > 0 } && addresses.All(IsLoopbackUrl);
    }

    /// <summary>True for a bound URL whose host is <c>localhost</c> or a loopback IP; false for anything else, wildcards and unparsable text included.</summary>
    public static bool IsLoopbackUrl(string url)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return false;
        }

        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
