using Microsoft.Extensions.Options;
using VmControl.Application.PowerSync;

namespace VmControl.Application.Settings;

/// <summary>
/// The checks on <see cref="PowerSyncSettings"/>, run when the host starts. <see cref="PowerSyncSettings.Interval"/> and
/// <see cref="PowerSyncSettings.SoftDeleteRetention"/> are not checked: zero or less is their documented "off".
/// </summary>
public sealed class PowerSyncSettingsValidation : IValidateOptions<PowerSyncSettings>
{
    public const string Section = "PowerSync";

    public ValidateOptionsResult Validate(string? name, PowerSyncSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Schedule))
        {
            failures.Add($"{Section}:{nameof(options.Schedule)} must be a CRON schedule.");
        }

        SettingRules.InRange(failures, $"{Section}:{nameof(options.MismatchPasses)}", options.MismatchPasses, 1, int.MaxValue);
        SettingRules.InRange(failures, $"{Section}:{nameof(options.PageSize)}", options.PageSize, 1, 1000);
        if (!Enum.IsDefined(options.HealPolicy))
        {
            failures.Add($"{Section}:{nameof(options.HealPolicy)} must be one of: {string.Join(", ", Enum.GetNames<HealPolicy>())}.");
        }

        SettingRules.NotNegative(failures, $"{Section}:{nameof(options.StuckGrace)}", options.StuckGrace);
        SettingRules.NotNegative(failures, $"{Section}:{nameof(options.OrphanGrace)}", options.OrphanGrace);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
