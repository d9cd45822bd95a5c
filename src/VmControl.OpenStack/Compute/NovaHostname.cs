using System.Text;
using VmControl.Application.Model;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// The guest hostname Nova derives from a server's name (<c>nova/utils.py</c> <c>sanitize_hostname</c>): lower case,
/// runs of anything but letters, digits, '.' and '-' as one '-', at most 63 characters, never empty.
/// </summary>
public static class NovaHostname
{
    public static string Of(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var text = new StringBuilder(vm.Name.Length);
        foreach (var c in vm.Name.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-';
            if (keep)
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var hostname = text.ToString().Trim('.', '-');
        hostname = hostname.Length > 63 ? hostname[..63].TrimEnd('.', '-') : hostname;
        return hostname.Length > 0 ? hostname : "server-" + vm.Id;
    }
}
