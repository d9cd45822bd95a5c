namespace VmControl.Testing;

/// <summary>How a test starts its <see cref="LocalHostProcess"/>, beyond the identity.</summary>
public sealed record LocalHostStart
{
    /// <summary>More configuration on the command line; it comes last, so it wins over the defaults.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// Environment variables of the child (secrets go here, not on the command line where other users could read
    /// them); also configuration, as <c>Section__Key</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The storage account; null: the shared Azurite (checked before the start).</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Whether the host is configured with <see cref="TestKeys"/> (else it generates its own admin key).</summary>
    public bool WithTestKeys { get; init; } = true;

    /// <summary>The path that answers 200 once the host is ready.</summary>
    public string ReadyPath { get; init; } = "/api/health";

    /// <summary>How long the host may take to become ready (the machine is shared).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
