using VmControl.Drivers.Azure;
using VmControl.Drivers.Libvirt;

namespace VmControl.Hosting;

/// <summary>What both hosts configure: where the tables live and which hypervisor driver is active.</summary>
public sealed class InfrastructureOptions
{
    /// <summary><c>simulated</c> (the default, local), <c>azure</c> or <c>libvirt</c>.</summary>
    public string Driver { get; set; } = "simulated";

    /// <summary>A storage connection string (Azurite: <c>UseDevelopmentStorage=true</c>); null in Azure, where <see cref="TableServiceUri"/> is used.</summary>
    /// <remarks>
    /// No default: a connection string wins over <see cref="TableServiceUri"/>, so an Azurite default would send a
    /// deployed app (which sets only <c>Storage__TableServiceUri</c>) to 127.0.0.1. The local settings name Azurite.
    /// </remarks>
    public string? StorageConnectionString { get; set; }

    /// <summary>The table endpoint, reached with a managed identity (DefaultAzureCredential).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prefix of every table name, so several deployments or test runs can share an account.</summary>
    public string TablePrefix { get; set; } = "VmControl";

    /// <summary>
    /// The key that signs continuation tokens (setting <c>Storage__ContinuationTokenKey</c>). Required when the tables
    /// are reached by <see cref="TableServiceUri"/> (a deployment; Bicep passes a Key Vault reference); with a
    /// connection string (the LocalHost on Azurite) it may be left out, and a built-in local-only key is used.
    /// </summary>
    public string? ContinuationTokenKey { get; set; }

    /// <summary>The Azure driver's settings (section <c>Azure</c>), used when <see cref="Driver"/> is <c>azure</c>.</summary>
    public AzureDriverOptions Azure { get; set; } = new();

    /// <summary>The libvirt driver's settings (section <c>Libvirt</c>), used when <see cref="Driver"/> is <c>libvirt</c>.</summary>
    public LibvirtDriverOptions Libvirt { get; set; } = new();
}
