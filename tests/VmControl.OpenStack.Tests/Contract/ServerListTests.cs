namespace VmControl.OpenStack.Tests.Contract;

public sealed class ServerListTests
{
    [Fact]
    public async Task The_brief_list_has_id_name_links_newest_first_without_deleted_servers()
    {
        await using var host = await FacadeHost.StartAsync();
        var older = host.SeedVm(name: "a", createdAt: DateTimeOffset.UnixEpoch);
        var newer = host.SeedVm(name: "b", createdAt: DateTimeOffset.UnixEpoch.AddDays(1));
        host.SeedVm(VmState.HardDeleted, name: "gone");
        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers");
        Assert.Equal(200, status);
        var servers = body.GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal([newer.Id, older.Id], servers.Select(s => s.GetProperty("id").GetString()));
        Assert.All(servers, s => Assert.Equal(["id", "links", "name"], FacadeHost.Keys(s)));
        Assert.Equal($"http://localhost/compute/v2.1/servers/{newer.Id}", servers[0].GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal($"http://localhost/compute/servers/{newer.Id}", servers[0].GetProperty("links")[1].GetProperty("href").GetString());
    }

    [Fact]
    public async Task The_detail_list_renders_the_full_view()
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm(VmState.Stopped, powerState: PowerState.Shutdown);
        var (_, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers/detail?deleted=False&all_tenants=1", user: "bob");
        var server = body.GetProperty("servers")[0];
        Assert.Equal("SHUTOFF", server.GetProperty("status").GetString());
        Assert.Equal(4, server.GetProperty("OS-EXT-STS:power_state").GetInt32());
    }

    [Theory]
    [InlineData("web", 2)]
    [InlineData("^web-1$", 1)]
    [InlineData("db", 1)]
    [InlineData("nothing", 0)]
    [InlineData("w.b-", 2)]
    public async Task Name_is_a_regex_search(string pattern, int expected)
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm(name: "web-1");
        host.SeedVm(name: "web-10");
        host.SeedVm(name: "db");
        var (_, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers?name=" + Uri.EscapeDataString(pattern));
        Assert.Equal(expected, body.GetProperty("servers").GetArrayLength());
    }

    [Theory]
    [InlineData("SHUTOFF", 1)]
    [InlineData("active", 1)]
    [InlineData("HARD_REBOOT", 1)]
    [InlineData("ERROR", 0)]
    public async Task Status_filters_on_the_derived_status(string status, int expected)
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm(VmState.Stopped, powerState: PowerState.Shutdown);
        host.SeedVm();
        host.SeedVm(taskState: TaskState.RebootingHard);
        var (_, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers?status=" + status);
        Assert.Equal(expected, body.GetProperty("servers").GetArrayLength());
    }

    [Fact]
    public async Task Limit_and_marker_page_with_a_next_link()
    {
        await using var host = await FacadeHost.StartAsync();
        var ids = Enumerable.Range(0, 5).Select(i => host.SeedVm(name: "vm" + i, createdAt: DateTimeOffset.UnixEpoch.AddMinutes(i)).Id).Reverse().ToList();
        var (_, first, _) = await host.CallAsync("GET", "/compute/v2.1/servers?limit=2&foo=bar");
        Assert.Equal(ids[..2], first.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var next = first.GetProperty("servers_links")[0];
        Assert.Equal("next", next.GetProperty("rel").GetString());
        Assert.Contains("marker=" + ids[1], next.GetProperty("href").GetString(), StringComparison.Ordinal);

        var (_, rest, _) = await host.CallAsync("GET", $"/compute/v2.1/servers?marker={ids[1]}");
        Assert.Equal(ids[2..], rest.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.False(rest.TryGetProperty("servers_links", out _));
    }

    [Theory]
    [InlineData("?marker=vm-0000000000000000", "marker [vm-0000000000000000] not found")]
    [InlineData("?limit=abc", "limit param must be an integer")]
    [InlineData("?limit=-1", "limit param must be an integer")]
    [InlineData("?name=%5B", "Invalid regular expression in name: [")]
    public async Task Bad_list_parameters_are_a_bad_request(string query, string message)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers" + query);
        Assert.Equal(400, status);
        Assert.Equal(message, body.GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_catastrophic_backtracking_pattern_is_answered_correctly()
    {
        await using var host = await FacadeHost.StartAsync();
        var hit = host.SeedVm(name: new string('a', 40) + "!");
        host.SeedVm(name: "db");

        // A backtracking engine tries (a+)+b at every start first and times out; the right answer is the "!$" branch.
        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers?name=" + Uri.EscapeDataString("(a+)+b|!$"));
        Assert.Equal(200, status);
        Assert.Equal([hit.Id], body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("(a)\\1", "Unsupported regular expression in name (no backreferences or lookarounds): (a)\\1")]
    [InlineData("web(?=-1)", "Unsupported regular expression in name (no backreferences or lookarounds): web(?=-1)")]
    public async Task A_pattern_that_needs_backtracking_is_a_bad_request(string pattern, string message)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers?name=" + Uri.EscapeDataString(pattern));
        Assert.Equal(400, status);
        Assert.Equal(message, body.GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_pattern_longer_than_a_name_is_a_bad_request()
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, _, _) = await host.CallAsync("GET", "/compute/v2.1/servers?name=" + new string('a', 256));
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Name_matching_stops_at_a_full_page_within_the_requests_budget()
    {
        await using var host = await FacadeHost.StartAsync();
        for (var i = 0; i < 40; i++)
        {
            host.SeedVm(name: "web-" + i, createdAt: DateTimeOffset.UnixEpoch.AddMinutes(i));
        }

        var token = await host.TokenAsync();

        // Every clock read moves the fake clock on, so the budget (1 s) allows about ten matches: enough for a page
        // of two (three matches, to know there is more), not for all forty.
        host.Time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(100);
        using var page = await host.SendAsync("GET", "/compute/v2.1/servers?name=web&limit=2", token: token);
        Assert.Equal(200, (int)page.StatusCode);
        var body = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["web-39", "web-38"], body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.True(body.TryGetProperty("servers_links", out _));

        using var all = await host.SendAsync("GET", "/compute/v2.1/servers?name=web", token: token);
        Assert.Equal(400, (int)all.StatusCode);
        Assert.Contains("took too long", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
