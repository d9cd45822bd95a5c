using System.Globalization;
using System.Net;

namespace VmControl.OpenStack.Tests.Contract;

public sealed class KeystoneHardeningTests
{
    private static readonly IPAddress Caller = IPAddress.Parse("192.0.2.10");

    [Fact]
    public async Task A_renewed_token_keeps_the_original_expiry()
    {
        await using var host = await FacadeHost.StartAsync();
        using var first = await host.SendAsync("POST", "/identity/v3/auth/tokens", FacadeHost.AuthBody("bob", FacadeHost.MemberPassword, "demo"));
        var token = first.Headers.GetValues("X-Subject-Token").Single();
        var expiresAt = ExpiresAt(await first.Content.ReadAsStringAsync());

        host.Time.Advance(TimeSpan.FromMinutes(50));
        using var renewed = await host.SendAsync("POST", "/identity/v3/auth/tokens", RenewBody(token));
        Assert.Equal(201, (int)renewed.StatusCode);
        Assert.Equal(expiresAt, ExpiresAt(await renewed.Content.ReadAsStringAsync()));

        // Renewing the renewed token gains nothing either, and it dies with the first.
        var second = renewed.Headers.GetValues("X-Subject-Token").Single();
        host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var late = await host.SendAsync("POST", "/identity/v3/auth/tokens", RenewBody(second));
        Assert.Equal(401, (int)late.StatusCode);
        using var compute = await host.SendAsync("GET", "/compute/v2.1/servers", token: second);
        Assert.Equal(401, (int)compute.StatusCode);
    }

    [Fact]
    public async Task A_password_change_revokes_the_tokens_issued_before_it()
    {
        await using var host = await FacadeHost.StartAsync();
        var before = await host.TokenAsync("bob");
        var newPassword = Guid.NewGuid().ToString("N");
        host.Settings["OpenStack:Accounts:1:Password"] = newPassword;
        host.ReloadSettings();

        using var stale = await host.SendAsync("GET", "/compute/v2.1/servers", token: before);
        Assert.Equal(401, (int)stale.StatusCode);
        using var renewal = await host.SendAsync("POST", "/identity/v3/auth/tokens", RenewBody(before));
        Assert.Equal(401, (int)renewal.StatusCode);

        using var login = await host.SendAsync("POST", "/identity/v3/auth/tokens", FacadeHost.AuthBody("bob", newPassword, "demo"));
        Assert.Equal(201, (int)login.StatusCode);
        using var fresh = await host.SendAsync("GET", "/compute/v2.1/servers", token: login.Headers.GetValues("X-Subject-Token").Single());
        Assert.Equal(200, (int)fresh.StatusCode);

        // Another account's tokens live on: the version is per credential, not a global reset.
        var alice = await host.TokenAsync("alice");
        using var other = await host.SendAsync("GET", "/compute/v2.1/servers", token: alice);
        Assert.Equal(200, (int)other.StatusCode);
    }

    [Fact]
    public async Task Five_failed_logins_for_a_user_are_followed_by_a_429_until_the_window_passes()
    {
        await using var host = await FacadeHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            var (failed, _, _) = await Login(host, Caller, "bob", "wrong-" + i);
            Assert.Equal(401, failed);
        }

        // Even the right password, and from another address: the user's count is what is over.
        var (status, body, headers) = await Login(host, IPAddress.Parse("192.0.2.11"), "bob", FacadeHost.MemberPassword);
        Assert.Equal(429, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(429, error.GetProperty("code").GetInt32());
        Assert.Equal("Too Many Requests", error.GetProperty("title").GetString());
        var retryAfter = int.Parse(headers.RetryAfter.ToString(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);

        var (otherUser, _, _) = await Login(host, Caller, "alice", FacadeHost.AdminPassword);
        Assert.Equal(201, otherUser);

        host.Time.Advance(TimeSpan.FromSeconds(retryAfter));
        var (afterWindow, _, _) = await Login(host, Caller, "bob", FacadeHost.MemberPassword);
        Assert.Equal(201, afterWindow);
    }

    [Fact]
    public async Task Twenty_failed_logins_from_one_address_are_followed_by_a_429_for_any_user()
    {
        await using var host = await FacadeHost.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            // Four names, five tries each would trip the user limit; twenty names keep every user under it.
            var (failed, _, _) = await Login(host, Caller, "guess" + i, "x");
            Assert.Equal(401, failed);
        }

        var (status, _, headers) = await Login(host, Caller, "alice", FacadeHost.AdminPassword);
        Assert.Equal(429, status);
        Assert.NotEqual(0, headers.RetryAfter.Count);

        var (elsewhere, _, _) = await Login(host, IPAddress.Parse("192.0.2.12"), "alice", FacadeHost.AdminPassword);
        Assert.Equal(201, elsewhere);
    }

    [Fact]
    public async Task A_successful_login_clears_the_users_failures()
    {
        await using var host = await FacadeHost.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            await Login(host, Caller, "bob", "wrong");
        }

        Assert.Equal(201, (await Login(host, Caller, "bob", FacadeHost.MemberPassword)).Status);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(401, (await Login(host, Caller, "bob", "wrong")).Status);
        }

        Assert.Equal(201, (await Login(host, Caller, "bob", FacadeHost.MemberPassword)).Status);
    }

    [Fact]
    public async Task Failed_logins_are_logged_with_user_and_address_but_no_secret()
    {
        await using var host = await FacadeHost.StartAsync();
        var guess = "guess-" + Guid.NewGuid().ToString("N");
        await Login(host, Caller, "bob", guess);
        var token = await host.TokenAsync("bob");
        using var renewal = await host.SendAsync("POST", "/identity/v3/auth/tokens", RenewBody(token + "x"));
        Assert.Equal(401, (int)renewal.StatusCode);

        var failed = host.Logs.Entries.Where(e => e.EventId == 850).Select(e => e.Message).ToList();
        var line = Assert.Single(failed);
        Assert.Contains("bob", line, StringComparison.Ordinal);
        Assert.Contains("192.0.2.10", line, StringComparison.Ordinal);
        Assert.Single(host.Logs.Entries, e => e.EventId == 852);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(guess, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(token, StringComparison.Ordinal));
    }

    private static Task<(int Status, string Body, Microsoft.AspNetCore.Http.IHeaderDictionary Headers)> Login(FacadeHost host, IPAddress from, string user, string password) =>
        host.SendFromAsync(from, "POST", "/identity/v3/auth/tokens", FacadeHost.AuthBody(user, password, "demo"));

    private static string RenewBody(string token) =>
        JsonSerializer.Serialize(new { auth = new { identity = new { methods = new[] { "token" }, token = new { id = token } } } });

    private static string ExpiresAt(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("token").GetProperty("expires_at").GetString()!;
}
