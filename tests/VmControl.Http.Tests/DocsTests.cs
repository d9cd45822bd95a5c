using System.Text.RegularExpressions;
using VmControl.Http.Routing;

namespace VmControl.Http.Tests;

public sealed partial class DocsTests
{
    [Fact]
    public void HttpFile_HasARequestForEveryRoute()
    {
        var text = File.ReadAllText(RepoPaths.PathOf("VmControl.http"));
        var requests = RequestLine().Matches(text)
            .Select(m => (Method: m.Groups[1].Value, Path: Normalize(m.Groups[2].Value)))
            .ToHashSet();

        foreach (var route in ApiRoutes.All)
        {
            var path = Normalize("/api/" + route.Template);
            Assert.True(requests.Contains((route.Method, path)), $"VmControl.http lacks {route.Method} {path}");
        }
    }

    // Variables and placeholders both become one segment marker, and the query is dropped.
    private static string Normalize(string path) =>
        Placeholder().Replace(path.Split('?')[0], "*");

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) \{\{host\}\}(\S+)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{?[A-Za-z]+\}?\}")]
    private static partial Regex Placeholder();
}
