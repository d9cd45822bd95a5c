using Microsoft.Extensions.Options;
using VmControl.Application.Schedules;

namespace VmControl.Application.Settings;

/// <summary>The checks on <see cref="ScheduleSettings"/> at start; <see cref="ScheduleSettings.Interval"/> zero or less is its documented "off".</summary>
public sealed class ScheduleSettingsValidation : IValidateOptions<ScheduleSettings>
{
    public const string Section = "Schedules";

    public ValidateOptionsResult Validate(string? name, ScheduleSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingRules.InRange(failures, $"{Section}:{nameof(options.PageSize)}", options.PageSize, 1, 1000);
        SettingRules.InRange(failures, $"{Section}:{nameof(options.SkipsListed)}", options.SkipsListed, 0, 10000);
        SettingRules.NotNegative(failures, $"{Section}:{nameof(options.DeviationGrace)}", options.DeviationGrace);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
