using Microsoft.Extensions.Options;
using VmControl.Application.Tasks;

namespace VmControl.Application.Settings;

/// <summary>
/// The checks on <see cref="TaskSettings"/>, run when the host starts: a deadline that is not positive would fail every
/// task at once, a deadline under an unknown action name would be ignored silently; both are typos worth refusing early.
/// </summary>
public sealed class TaskSettingsValidation : IValidateOptions<TaskSettings>
{
    public const string Section = "Tasks";

    public ValidateOptionsResult Validate(string? name, TaskSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingRules.Positive(failures, $"{Section}:{nameof(options.DefaultDeadline)}", options.DefaultDeadline);
        foreach (var (action, deadline) in options.Deadlines)
        {
            if (!WireNames.TryParse<VmAction>(action, out _))
            {
                failures.Add($"{Section}:{nameof(options.Deadlines)}:{action} names no action; use one of: {string.Join(", ", WireNames.All<VmAction>())}.");
            }

            SettingRules.Positive(failures, $"{Section}:{nameof(options.Deadlines)}:{action}", deadline);
        }

        SettingRules.NotNegative(failures, $"{Section}:{nameof(options.PreemptWait)}", options.PreemptWait);
        SettingRules.NotNegative(failures, $"{Section}:{nameof(options.LockHandoverWait)}", options.LockHandoverWait);
        SettingRules.NotNegative(failures, $"{Section}:{nameof(options.ReleaseRetryWindow)}", options.ReleaseRetryWindow);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
