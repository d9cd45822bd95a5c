using Azure.Data.Tables;

namespace VmControl.Bench.PowerSync;

/// <summary>Deletes the tables a killed run left behind (every bench fleet's tables start with <see cref="Prefix"/>).</summary>
internal static class Cleanup
{
    public const string Prefix = "Bps";

    public static async Task<int> DeleteLeftoversAsync(string connectionString, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(connectionString);
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(Prefix) >= 0 && t.Name.CompareTo("Bpt") < 0, cancellationToken: cancellationToken))
        {
            names.Add(table.Name);
        }

        foreach (var name in names)
        {
            await service.DeleteTableAsync(name, cancellationToken);
        }

        return names.Count;
    }
}
