using System.Security.Cryptography;
using System.Text;

namespace VmControl.Storage;

/// <summary>
/// Keys of the alerts table. Partition: the VM id, or for a machine the control plane does not know (whose id is the
/// hypervisor's, e.g. an ARM id full of '/') <c>h-</c> + a hash of it. Rows: one per alert, <c>a…</c> newest first,
/// plus one "active" row per kind (<c>p-{kind}</c>) that points at the open or acknowledged alert: inserting it is
/// the lock that keeps a second alert of that kind from opening. An alert id is partition <c>.</c> row.
/// </summary>
internal static class AlertKeys
{
    private const string HashPrefix = "h-";
    private const int HashHexLength = 32;
    private const char Separator = '.';

    // Alert rows reuse the action id format (inverted ticks + random): newest first, and never "p-…".
    public const string AlertRowsFrom = "a";
    public const string AlertRowsTo = "b";

    public static string Partition(string vmId) =>
        VmIds.IsValid(vmId)
            ? vmId
            : HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(vmId)))[..HashHexLength];

    public static string ActiveRow(AlertKind kind) => "p-" + kind.ToString();

    public static string NewAlertRow(DateTimeOffset at) => ActionIds.New(at);

    public static string Id(string partition, string row) => partition + Separator + row;

    public static bool TryParseId(string? id, out string partition, out string row)
    {
        partition = row = string.Empty;
        var dot = id?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (dot < 0)
        {
            return false;
        }

        var p = id![..dot];
        var r = id[(dot + 1)..];
        if (!ActionIds.IsValid(r) || !(VmIds.IsValid(p) || IsHashPartition(p)))
        {
            return false;
        }

        (partition, row) = (p, r);
        return true;
    }

    private static bool IsHashPartition(string partition) =>
        partition.Length == HashPrefix.Length + HashHexLength
        && partition.StartsWith(HashPrefix, StringComparison.Ordinal)
        && partition.AsSpan(HashPrefix.Length).ContainsAnyExcept("0123456789abcdef") is false;
}
