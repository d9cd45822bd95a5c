namespace VmControl.Application.Tests.Model;

public sealed class TagFilterTests
{
    private static readonly Dictionary<string, string> Vm = new() { ["prod"] = "", ["tier"] = "1", ["team"] = "blue" };

    public static TheoryData<string[], string[], string[], string[], bool> Filters => new()
    {
        // tags (all of), tags-any, not-tags (lacks at least one), not-tags-any (has none): matches the VM above?
        { ["prod"], [], [], [], true },
        { ["prod", "tier=1"], [], [], [], true },
        { ["prod", "tier=2"], [], [], [], false },
        { ["tier"], [], [], [], false },
        { [], ["tier=2", "team=blue"], [], [], true },
        { [], ["tier=2", "dev"], [], [], false },
        { [], [], ["prod", "tier=1"], [], false },
        { [], [], ["prod", "tier=2"], [], true },
        { [], [], [], ["dev", "tier=1"], false },
        { [], [], [], ["dev", "tier=3"], true },
        { ["prod"], ["team=blue"], ["dev"], ["tier=9"], true },
        { [], [], [], [], true },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Matches_FollowsNovasFourTagFilters(string[] all, string[] any, string[] notAll, string[] notAny, bool matches) =>
        Assert.Equal(matches, new TagFilter(all, any, notAll, notAny).Matches(Vm));

    [Theory]
    [InlineData("prod", "prod", "")]
    [InlineData("tier=1", "tier", "1")]
    [InlineData("a=b=c", "a", "b=c")]
    [InlineData("=x", "", "x")]
    public void TagText_ParsesAndRendersTheMapEntry(string tag, string key, string value)
    {
        var entry = TagText.Parse(tag);

        Assert.Equal((key, value), (entry.Key, entry.Value));
        Assert.Equal(tag, TagText.Render(entry.Key, entry.Value));
    }
}
