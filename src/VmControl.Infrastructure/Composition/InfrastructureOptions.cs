namespace VmControl.Infrastructure.Composition;

/// <summary>What both hosts configure: where the tables live and which hypervisor driver is active.</summary>
public sealed class InfrastructureOptions
{
    /// <summary><c>simulated</c> (the default, local) or <c>azure</c>.</summary>
    public string Driver { get; set; } = "simulated";

    /// <summary>A storage connection string (Azurite: <c>UseDevelopmentStorage=true</c>); null in Azure, where <see cref="TableServiceUri"/> is used.</summary>
    public string? StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The table endpoint, reached with a managed identity (DefaultAzureCredential).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prefix of every table name, so several deployments or test runs can share an account.</summary>
    public string TablePrefix { get; set; } = "VmControl";

    /// <summary>The Azure driver's settings (section <c>Azure</c>), used when <see cref="Driver"/> is <c>azure</c>.</summary>
    public Azure.AzureDriverOptions Azure { get; set; } = new();
}
