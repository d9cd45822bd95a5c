using System.Collections.Frozen;
using System.Text;

namespace VmControl.Domain;

/// <summary>Lower snake case wire names of the lifecycle enums (<c>SoftDeleted</c> ⇄ <c>soft_deleted</c>).</summary>
public static class WireNames
{
    public static string ToWire<TEnum>(this TEnum value)
        where TEnum : struct, Enum => Cache<TEnum>.ToWire[value];

    public static bool TryParse<TEnum>(string? wire, out TEnum value)
        where TEnum : struct, Enum
    {
        if (wire is not null && Cache<TEnum>.FromWire.TryGetValue(wire, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Cache<TEnum>.Names;

    // Nova spells power state 0 "nostate", not "no_state".
    private static string WireOf<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        value is PowerState.NoState ? "nostate" : SnakeCase(value.ToString());

    internal static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToWire =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => WireOf(v));

        public static readonly FrozenDictionary<string, TEnum> FromWire =
            ToWire.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<TEnum>().Select(v => ToWire[v])];
    }
}
