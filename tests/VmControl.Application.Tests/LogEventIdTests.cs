using System.Text.RegularExpressions;

namespace VmControl.Application.Tests;

/// <summary>
/// Every <c>[LoggerMessage]</c> in src/ has its own event id, so a log query by id finds one message. The ranges:
/// Application.Tasks 100-199, PowerSync 200-299, UseCases 300-399, Http 400-499, Storage 500-599, drivers 600-699,
/// hosts 700-799, OpenStack 800-899, event subscriptions and delivery 900-999, schedules 1900-1999. A source scan rather than reflection, so that projects this test does not
/// reference (the Functions app) are covered too.
/// </summary>
public sealed partial class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_InSrc_HaveDistinctEventIds()
    {
        var messages = Scan();

        Assert.NotEmpty(messages);
        var missing = messages.Where(m => m.EventId is null).Select(m => m.Where).ToList();
        Assert.True(missing.Count == 0, "LoggerMessage without an EventId: " + string.Join("; ", missing));
        var duplicates = messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Where))}").ToList();
        Assert.True(duplicates.Count == 0, "EventIds used more than once: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void Scan_FindsADuplicate_WhenTwoMessagesShareAnId()
    {
        const string source = """
            [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "a")]
            private static partial void A(ILogger logger);
            [LoggerMessage(Level = LogLevel.Warning,
                EventId = 7, Message = "b")]
            private static partial void B(ILogger logger);
            """;

        var ids = Parse("x.cs", source).Select(m => m.EventId).ToList();

        Assert.Equal([7, 7], ids);
    }

    private static List<(int? EventId, string Where)> Scan()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return [.. Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Parse(Path.GetRelativePath(src, f), File.ReadAllText(f)))];
    }

    private static IEnumerable<(int? EventId, string Where)> Parse(string file, string source) =>
        Attribute().Matches(source).Select(m =>
        {
            var id = EventIdArgument().Match(m.Value);
            var line = source.AsSpan(0, m.Index).Count('\n') + 1;
            return (id.Success ? int.Parse(id.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null, $"{file}:{line}");
        });

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above the test's directory.");
    }

    [GeneratedRegex(@"\[LoggerMessage\((?:[^()""]|""(?:[^""\\]|\\.)*""|\([^()]*\))*\)\]", RegexOptions.Singleline)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\bEventId\s*=\s*(\d+)")]
    private static partial Regex EventIdArgument();
}
