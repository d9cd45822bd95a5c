namespace VmControl.Application.Model;

public sealed record AlertQuery(
    AlertStatus? Status = null,
    string? VmId = null,
    AlertKind? Kind = null,
    int Limit = 100,
    string? ContinuationToken = null);
