using Azure.Data.Tables;

namespace VmControl.Bench.PowerSync;

/// <summary>Deletes the tables a killed run left behind (every bench fleet's tables start with <see cref="Prefix"/>; another prefix may be given).</summary>
internal static class Cleanup
{
    public const string Prefix = "Bps";

    public static async Task<int> DeleteLeftoversAsync(string connectionString, string prefix, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(connectionString);
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            if (table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                names.Add(table.Name);
            }
        }

        foreach (var name in names)
        {
            await service.DeleteTableAsync(name, cancellationToken);
        }

        return names.Count;
    }
}
