namespace VmControl.Console.Tests.Support;

/// <summary>
/// One local host (child process, loopback, isolated tables and task hub) and one headless Debian Chromium driven by
/// Playwright, shared by the console tests; each test opens its own browser context.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>Every wait of a test is bounded by this (Playwright's default timeout and expectation timeout).</summary>
    public const float TimeoutMs = 90_000;

    private LocalHostProcess? host;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private ApiClient? api;

    public Uri BaseAddress => host?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    internal ApiClient Api => api ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where screenshots go: $VMCONTROL_SCREENSHOTS (the repository's docs/images when taken for the README), else the test output.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("VMCONTROL_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir, RepoPaths.Root)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        host = await LocalHostProcess.StartAsync(LocalHostIdentity.New("Con"), startup.Token).ConfigureAwait(false);

        // The browser's waits are long on a shared machine; the API's waits match them.
        api = new ApiClient(host.BaseAddress, TimeSpan.FromSeconds(120));
        playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path(),
            Headless = true,
            Args = Chromium.Args,
            Timeout = TimeoutMs,
        }).ConfigureAwait(false);
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
    }

    /// <summary>A new page in a new context (laptop-sized viewport) at the console's <paramref name="hash"/> (e.g. <c>#/vms/vm-…</c>).</summary>
    /// <summary>Opens the console at <paramref name="hash"/>, signed in with <paramref name="apiKey"/> (none when null).</summary>
    public async Task<IPage> OpenAsync(string hash, Func<IPage, Task>? beforeNavigation = null, string? apiKey = TestKeys.Admin)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            ReducedMotion = ReducedMotion.Reduce,
        }).ConfigureAwait(false);
        context.SetDefaultTimeout(TimeoutMs);
        if (apiKey is not null)
        {
            // As if the operator had entered the key once in this browser session.
            await context.AddInitScriptAsync($"sessionStorage.setItem('vmcontrol.apiKey', '{apiKey}')").ConfigureAwait(false);
        }

        var page = await context.NewPageAsync().ConfigureAwait(false);
        if (beforeNavigation is not null)
        {
            await beforeNavigation(page).ConfigureAwait(false);
        }

        await page.GotoAsync("/" + hash).ConfigureAwait(false);
        return page;
    }

    public async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name), FullPage = true }).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync().ConfigureAwait(false);
        }

        playwright?.Dispose();
        api?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
            using var cleanup = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await AzuriteCleanup.DeleteAsync(host.Identity, cleanup.Token).ConfigureAwait(false);
        }
    }
}
