namespace VmControl.LocalHost.Tests;

/// <summary>
/// The LocalHost with no key configured (docs/security.md): on loopback it generates one admin key, prints it once,
/// keeps it in a file only its user can read and reuses it at the next start; on any other address it refuses to start.
/// </summary>
public sealed class GeneratedKeyTests
{
    [Fact]
    public async Task Start_WithoutKeysOnLoopback_GeneratesAnAdminKeyOnce_KeepsIt_AndReusesIt()
    {
        using var timeout = TestTimeout.Start(180);
        var identity = LocalHostIdentity.New();
        var directory = Directory.CreateTempSubdirectory("vmcontrol-key-");
        var keyFile = Path.Combine(directory.FullName, "admin.key");
        var start = new LocalHostStart { WithTestKeys = false, Arguments = [$"--Auth:KeyFile={keyFile}"] };
        try
        {
            string key;
            await using (var first = await LocalHostProcess.StartAsync(identity, start, timeout.Token))
            {
                key = (await File.ReadAllTextAsync(keyFile, timeout.Token)).Trim();
                Assert.StartsWith("vmc_", key, StringComparison.Ordinal);
                Assert.Contains("generated the admin key " + key, first.Output.ToString(), StringComparison.Ordinal);
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
                }

                using var withKey = new ApiClient(first.BaseAddress, apiKey: key);
                var me = await withKey.GetAsync("/api/me", timeout.Token);
                Assert.Equal(HttpStatusCode.OK, me.Status);
                Assert.Equal(("local-admin", "admin"), (me.Json.Str("name"), me.Json.Str("role")));

                using var without = new ApiClient(first.BaseAddress, apiKey: null);
                Assert.Equal(HttpStatusCode.Unauthorized, (await without.GetAsync("/api/vms", timeout.Token)).Status);
            }

            await using var second = await LocalHostProcess.StartAsync(identity, start, timeout.Token);
            Assert.Equal(key, (await File.ReadAllTextAsync(keyFile, timeout.Token)).Trim());
            Assert.DoesNotContain(key, second.Output.ToString(), StringComparison.Ordinal);
            using var again = new ApiClient(second.BaseAddress, apiKey: key);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me", timeout.Token)).Status);
        }
        finally
        {
            directory.Delete(recursive: true);
            await AzuriteCleanup.DeleteAsync(identity, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:{port}")]
    [InlineData("http://*:{port}")]
    public async Task Start_WithoutKeysOnAnotherAddress_ExitsSayingWhy(string urls)
    {
        using var timeout = TestTimeout.Start();
        var start = new LocalHostStart
        {
            WithTestKeys = false,
            Arguments = ["--urls=" + urls.Replace("{port}", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)],
            StartTimeout = TimeSpan.FromSeconds(60),
        };

        var message = await FailedStart.ExitMessageAsync(start, timeout.Token);

        Assert.Contains("will not listen on", message, StringComparison.Ordinal);
    }
}
