using System.Globalization;
using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

/// <summary>The wire spellings of schedules (docs/schedules.md): days <c>mon</c>-<c>sun</c>, times <c>HH:mm</c> (<c>24:00</c> for midnight at a stop), camel-case modes.</summary>
public static class ScheduleWire
{
    public static readonly IReadOnlyDictionary<string, DayOfWeek> Days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static readonly IReadOnlyDictionary<string, ScheduleMode> Modes = new Dictionary<string, ScheduleMode>(StringComparer.Ordinal)
    {
        ["enforce"] = ScheduleMode.Enforce, ["respectManual"] = ScheduleMode.RespectManual, ["stopOnly"] = ScheduleMode.StopOnly,
    };

    public static readonly IReadOnlyDictionary<string, ScheduleStopKind> StopKinds = new Dictionary<string, ScheduleStopKind>(StringComparer.Ordinal)
    {
        ["stop"] = ScheduleStopKind.Stop, ["suspend"] = ScheduleStopKind.Suspend,
    };

    public static readonly IReadOnlyDictionary<string, DesiredPower> Desired = new Dictionary<string, DesiredPower>(StringComparer.Ordinal)
    {
        ["on"] = DesiredPower.On, ["off"] = DesiredPower.Off,
    };

    public static string Day(DayOfWeek day) => Days.First(d => d.Value == day).Key;

    public static string Mode(ScheduleMode mode) => Modes.First(m => m.Value == mode).Key;

    public static string StopKind(ScheduleStopKind kind) => StopKinds.First(m => m.Value == kind).Key;

    public static string Power(DesiredPower desired) => desired == DesiredPower.On ? "on" : "off";

    public static string Time(TimeOnly time, bool stop = false) =>
        stop && time == TimeOnly.MinValue ? "24:00" : time.ToString("HH\\:mm", CultureInfo.InvariantCulture);

    public static TimeOnly? ParseTime(string? text, bool stop = false)
    {
        if (stop && text == "24:00")
        {
            return TimeOnly.MinValue;
        }

        return text is { Length: 5 } && TimeOnly.TryParseExact(text, "HH\\:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public static DateOnly? ParseDate(string? text) =>
        text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Ids named in a path (a calendar's): 1-64 lower-case letters, digits and dashes.</summary>
    public static bool IsId(string? id) => id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
