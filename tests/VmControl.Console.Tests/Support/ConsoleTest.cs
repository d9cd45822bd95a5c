namespace VmControl.Console.Tests.Support;

/// <summary>A console test: opens pages on the shared fixture and closes their contexts afterwards; each run gets unique VM names.</summary>
public abstract class ConsoleTest(ConsoleFixture fixture) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    protected ConsoleFixture Fixture { get; } = fixture;

    internal ApiClient Api => Fixture.Api;

    /// <summary>Bounds the test's own API calls.</summary>
    protected CancellationToken Timeout { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    protected async Task<IPage> OpenAsync(string hash)
    {
        var page = await Fixture.OpenAsync(hash).ConfigureAwait(false);
        pages.Add(page);
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync().ConfigureAwait(false);
        }
    }
}
