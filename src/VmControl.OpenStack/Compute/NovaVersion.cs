using System.Globalization;

namespace VmControl.OpenStack.Compute;

/// <summary>A compute microversion <c>X.Y</c>, ordered as Nova's <c>APIVersionRequest</c> orders them (major, then minor).</summary>
public readonly record struct NovaVersion(int Major, int Minor) : IComparable<NovaVersion>
{
    public static bool operator <(NovaVersion left, NovaVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(NovaVersion left, NovaVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(NovaVersion left, NovaVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(NovaVersion left, NovaVersion right) => left.CompareTo(right) >= 0;

    /// <summary><c>"2.47"</c>; for constants, so a typo fails at start-up rather than serving the wrong view.</summary>
    public static NovaVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return new(int.Parse(text[..dot], CultureInfo.InvariantCulture), int.Parse(text[(dot + 1)..], CultureInfo.InvariantCulture));
    }

    public int CompareTo(NovaVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Whether this request's version has the behaviour <paramref name="since"/> introduced (Nova's <c>is_supported</c>).</summary>
    public bool AtLeast(string since) => this >= Parse(since);

    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
}
