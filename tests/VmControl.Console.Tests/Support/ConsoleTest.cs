namespace VmControl.Console.Tests.Support;

/// <summary>A console test: opens pages on the shared fixture and closes their contexts afterwards; each run gets unique VM names.</summary>
public abstract class ConsoleTest(ConsoleFixture fixture) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    /// <summary>The image the console's VMs are created from (it shows in the screenshots).</summary>
    protected const string Image = "debian-12";

    protected ConsoleFixture Fixture { get; } = fixture;

    internal ApiClient Api => Fixture.Api;

    /// <summary>Bounds the test's own API calls (generous: the machine is shared, and Azurite with it).</summary>
    protected CancellationToken Timeout { get; } = new CancellationTokenSource(TimeSpan.FromMinutes(6)).Token;

    /// <summary>For clean-up in <c>finally</c>, which must run even when <see cref="Timeout"/> has fired.</summary>
    protected static CancellationToken CleanupTimeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    protected async Task<IPage> OpenAsync(string hash, Func<IPage, Task>? beforeNavigation = null, string? apiKey = TestKeys.Admin)
    {
        var page = await Fixture.OpenAsync(hash, beforeNavigation, apiKey).ConfigureAwait(false);
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
