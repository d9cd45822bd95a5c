namespace VmControl.Application.Model;

/// <summary>A filtered, paged alert listing; <see cref="Project"/> keeps one project's alerts (null: all, for admins).</summary>
public sealed record AlertQuery(
    AlertStatus? Status = null,
    string? VmId = null,
    AlertKind? Kind = null,
    int Limit = 100,
    string? ContinuationToken = null,
    string? Project = null);
