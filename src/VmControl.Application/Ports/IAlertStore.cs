namespace VmControl.Application.Ports;

/// <summary>Reconciliation alerts. At most one alert is active (open or acknowledged) per VM and kind.</summary>
public interface IAlertStore
{
    /// <summary>
    /// Opens an alert for the observation's VM and kind, or bumps the active one (count, last seen, observed power).
    /// Returns the alert and whether it was newly opened.
    /// </summary>
    Task<(AlertRecord Alert, bool Opened)> OpenOrBumpAsync(AlertRecord observation, CancellationToken cancellationToken = default);

    /// <summary>The active (open or acknowledged) alert for a VM and kind, or null.</summary>
    Task<AlertRecord?> GetActiveAsync(string vmId, AlertKind kind, CancellationToken cancellationToken = default);

    Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges an open alert on behalf of <paramref name="by"/>; null when no alert has that id.</summary>
    Task<AlertRecord?> AcknowledgeAsync(string alertId, string? note, string by, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Resolves the active alert for a VM and kind; false when there was none.</summary>
    Task<bool> ResolveAsync(string vmId, AlertKind kind, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<Page<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken = default);
}
