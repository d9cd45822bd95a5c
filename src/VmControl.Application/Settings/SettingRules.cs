using System.Globalization;

namespace VmControl.Application.Settings;

/// <summary>The shared wording of setting checks, so that every failure names the setting by its configuration key.</summary>
internal static class SettingRules
{
    public static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be a positive time span (got {value:c})."));
        }
    }

    public static void NotNegative(List<string> failures, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must not be negative (got {value:c})."));
        }
    }

    public static void InRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be {min}-{max} (got {value})."));
        }
    }
}
