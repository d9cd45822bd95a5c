using VmControl.Application.Model;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// The tag filters of <c>GET /servers[/detail]</c> from 2.26 (<c>tags</c>, <c>tags-any</c>, <c>not-tags</c>,
/// <c>not-tags-any</c>, each a comma-separated list, as Nova splits them); below 2.26 Nova ignores them, so this does too.
/// </summary>
public static class ServerTagFilters
{
    public static TagFilter? Parse(IQueryCollection query, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!version.AtLeast("2.26"))
        {
            return null;
        }

        var filter = new TagFilter(List(query, "tags"), List(query, "tags-any"), List(query, "not-tags"), List(query, "not-tags-any"));
        return filter.IsEmpty ? null : filter;
    }

    // Nova takes the last value of a repeated parameter; an empty value filters on nothing.
    private static string[] List(IQueryCollection query, string name) =>
        query[name].LastOrDefault() is { Length: > 0 } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
}
