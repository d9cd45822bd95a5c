using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace VmControl.Storage;

/// <summary>
/// Builds one OData filter from optional conditions. Property names and operators are constants of this code;
/// every value goes through <see cref="TableClient.CreateQueryFilter(FormattableString)"/> in a single call, which
/// quotes and escapes it, so no caller text is ever concatenated into the filter.
/// </summary>
internal sealed class QueryFilter
{
    private readonly StringBuilder format = new();
    private readonly List<object> values = [];

    public QueryFilter Where(string property, string comparison, object value)
    {
        if (format.Length > 0)
        {
            format.Append(" and ");
        }

        format.Append(CultureInfo.InvariantCulture, $"{property} {comparison} {{{values.Count}}}");
        values.Add(value);
        return this;
    }

    public QueryFilter Equal(string property, object value) => Where(property, "eq", value);

    /// <summary>The filter, or null when there is no condition (the whole table).</summary>
    public string? Build() =>
        values.Count == 0
            ? null
            : TableClient.CreateQueryFilter(FormattableStringFactory.Create(format.ToString(), [.. values]));
}
