namespace VmControl.Application.Schedules;

/// <summary>A scheduled VM a tick left as it was although it differs from its desired state, and why (<c>busy</c>, <c>locked</c>, <c>manual_hold</c> ...).</summary>
public sealed record TickSkip(string VmId, string ScheduleId, string Reason);
