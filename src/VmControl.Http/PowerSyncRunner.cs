namespace VmControl.Http;

/// <summary>
/// Runs one power-sync and reconciliation pass and returns its summary (serialized as the response body).
/// The host registers one in DI; without it <c>POST /api/power-sync</c> answers 503 <c>power_sync_unavailable</c>.
/// </summary>
public delegate Task<object> PowerSyncRunner(CancellationToken cancellationToken);
