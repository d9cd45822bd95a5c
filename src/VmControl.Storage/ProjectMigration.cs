using Azure;

namespace VmControl.Storage;

/// <summary>
/// Rows written before VMs had projects get the <c>default</c> project at start, so that a project filter (which
/// Table Storage cannot apply to a missing property) finds them. One projected scan per table; each row is merged
/// conditionally on the ETag it was read with, so a row rewritten meanwhile (which then carries a project) is left be.
/// </summary>
internal static class ProjectMigration
{
    private static readonly string[] Columns = ["PartitionKey", "RowKey", VmEntity.ProjectColumn, AlertEntity.VmIdColumn];

    public static async Task<int> RunAsync(StorageTables tables, CancellationToken cancellationToken)
    {
        var vms = await MigrateAsync(tables.Vms, _ => true, cancellationToken).ConfigureAwait(false);

        // Alert rows only (not the "active" pointers), and only those of a VM: a machine no VM claims has no project.
        var alerts = await MigrateAsync(
            tables.Alerts,
            e => string.CompareOrdinal(e.RowKey, AlertKeys.AlertRowsFrom) >= 0 && string.CompareOrdinal(e.RowKey, AlertKeys.AlertRowsTo) < 0
                && VmIds.IsValid(e.GetString(AlertEntity.VmIdColumn)),
            cancellationToken).ConfigureAwait(false);
        return vms + alerts;
    }

    private static async Task<int> MigrateAsync(TableClient table, Func<TableEntity, bool> applies, CancellationToken cancellationToken)
    {
        var migrated = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter: (string?)null, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(VmEntity.ProjectColumn) is not null || !applies(row))
            {
                continue;
            }

            try
            {
                var patch = new TableEntity(row.PartitionKey, row.RowKey) { [VmEntity.ProjectColumn] = Projects.Default };
                await table.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                migrated++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Deleted or rewritten since the scan: a rewrite by this version carries its project already.
            }
        }

        return migrated;
    }
}
