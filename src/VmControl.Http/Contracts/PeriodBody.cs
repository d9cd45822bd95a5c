namespace VmControl.Http.Contracts;

/// <summary>A period on the wire: <c>{ "days": ["mon", ...], "start": "08:00", "stop": "18:00" }</c>.</summary>
public sealed record PeriodBody(IReadOnlyList<string>? Days, string? Start, string? Stop);
