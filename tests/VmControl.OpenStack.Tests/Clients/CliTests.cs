using System.Text.RegularExpressions;

namespace VmControl.OpenStack.Tests.Clients;

/// <summary>Debian's <c>openstack</c> CLI against LocalHost on Azurite, with a stock password-auth clouds.yaml.</summary>
[Collection(CloudCollection.Name)]
public sealed partial class CliTests(OpenStackCloud cloud)
{
    [Fact]
    public async Task The_cli_drives_the_power_lifecycle_and_surfaces_a_refusal_as_a_conflict()
    {
        var name = "cli-power-" + Guid.NewGuid().ToString("N")[..6];
        var id = await cloud.CreateServerAsync(name);

        var list = await Ok("server", "list", "-f", "json");
        Assert.Contains(JsonDocument.Parse(list).RootElement.EnumerateArray(), s => s.GetProperty("ID").GetString() == id && s.GetProperty("Status").GetString() == "ACTIVE");
        var show = JsonDocument.Parse(await Ok("server", "show", name, "-f", "json")).RootElement;
        Assert.Equal(id, show.GetProperty("id").GetString());
        Assert.Equal("active", show.GetProperty("OS-EXT-STS:vm_state").GetString());
        // OSC's JSON output keeps the integer code; its table output prints 1 as "Running".
        Assert.Equal(1, show.GetProperty("OS-EXT-STS:power_state").GetInt32());
        Assert.Equal("small (1)", show.GetProperty("flavor").GetString());

        await Step(id, "SHUTOFF", "server", "stop", name);
        var refused = await cloud.OpenStackAsync("server", "stop", name);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"Cannot 'stop' instance {id} while it is in vm_state stopped (HTTP 409)", refused.Stderr, StringComparison.Ordinal);

        await Step(id, "ACTIVE", "server", "start", name);
        await Step(id, "PAUSED", "server", "pause", name);
        await Step(id, "ACTIVE", "server", "unpause", name);
        await Step(id, "SUSPENDED", "server", "suspend", name);
        await Step(id, "ACTIVE", "server", "resume", name);
        await Step(id, "ACTIVE", "server", "reboot", "--hard", name);
        await Step(id, "RESCUE", "server", "rescue", name);
        await Step(id, "ACTIVE", "server", "unrescue", name);
    }

    [Fact]
    public async Task The_cli_resizes_then_confirms_and_reverts()
    {
        var name = "cli-resize-" + Guid.NewGuid().ToString("N")[..6];
        var id = await cloud.CreateServerAsync(name);

        await Step(id, "VERIFY_RESIZE", "server", "resize", "--flavor", "medium", name);
        await Step(id, "ACTIVE", "server", "resize", "confirm", name);
        Assert.Equal("medium (2)", JsonDocument.Parse(await Ok("server", "show", name, "-f", "json")).RootElement.GetProperty("flavor").GetString());

        await Step(id, "VERIFY_RESIZE", "server", "resize", "--flavor", "large", name);
        Assert.Equal("large (3)", JsonDocument.Parse(await Ok("server", "show", name, "-f", "json")).RootElement.GetProperty("flavor").GetString());
        await Step(id, "ACTIVE", "server", "resize", "revert", name);
        Assert.Equal("medium (2)", JsonDocument.Parse(await Ok("server", "show", name, "-f", "json")).RootElement.GetProperty("flavor").GetString());
    }

    [Fact]
    public async Task Server_events_carry_the_request_id_of_the_request_that_started_them()
    {
        var name = "cli-events-" + Guid.NewGuid().ToString("N")[..6];
        var id = await cloud.CreateServerAsync(name);
        var stop = await cloud.OpenStackAsync("--debug", "server", "stop", name);
        Assert.True(stop.ExitCode == 0, stop.ToString());
        var requestId = RequestIdOfAction().Match(stop.Stderr).Groups[1].Value;
        Assert.StartsWith("req-", requestId, StringComparison.Ordinal);
        await cloud.WaitForAsync(id, "SHUTOFF");

        var events = JsonDocument.Parse(await Ok("server", "event", "list", name, "-f", "json")).RootElement.EnumerateArray().ToList();
        Assert.Equal(["stop", "create"], events.Select(e => e.GetProperty("Action").GetString()));
        Assert.Equal(requestId, events[0].GetProperty("Request ID").GetString());

        var show = JsonDocument.Parse(await Ok("server", "event", "show", name, requestId, "-f", "json")).RootElement;
        Assert.Equal("stop", show.GetProperty("action").GetString());
        Assert.Equal(requestId, show.GetProperty("request_id").GetString());
        Assert.Contains("task.succeeded", show.GetProperty("events").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_creates_a_server_from_a_flavor_and_an_image_reference()
    {
        var name = "cli-create-" + Guid.NewGuid().ToString("N")[..6];
        var created = JsonDocument.Parse(await Ok("server", "create", "--flavor", "medium", "--image", "ubuntu", "--property", "team=ops", "--wait", name, "-f", "json")).RootElement;
        Assert.Equal("ACTIVE", created.GetProperty("status").GetString());
        Assert.Equal("medium (2)", created.GetProperty("flavor").GetString());
        Assert.Equal("ubuntu (ubuntu)", created.GetProperty("image").GetString());
        Assert.Contains("team", created.GetProperty("properties").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_deletes_and_the_server_is_then_gone()
    {
        var name = "cli-delete-" + Guid.NewGuid().ToString("N")[..6];
        await cloud.CreateServerAsync(name);
        await Ok("server", "delete", "--wait", name);
        var show = await cloud.OpenStackAsync("server", "show", name);
        Assert.NotEqual(0, show.ExitCode);
        Assert.Contains($"No server with a name or ID of '{name}' exists.", show.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_lists_flavors_and_a_tokenless_request_is_refused()
    {
        var flavors = JsonDocument.Parse(await Ok("flavor", "list", "-f", "json")).RootElement.EnumerateArray().Select(f => f.GetProperty("Name").GetString());
        Assert.Equal(["small", "medium", "large"], flavors);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(cloud.BaseUrl + "/compute/v2.1/servers"));
        Assert.Equal(401, (int)response.StatusCode);
    }

    /// <summary>
    /// Debian's CLI (OSC 6.0 over novaclient 18.1.0, whose maximum is 2.92) at its newest microversion: lock with a
    /// reason (2.73), tags (2.26), the long list with its embedded flavor (2.47) and the tag and lock filters, the
    /// events paged (2.58). One <c>openstack</c> process reads all the commands from its input, as Python's start-up
    /// is what each call costs.
    /// </summary>
    [Fact]
    public async Task The_cli_at_its_newest_microversion_locks_with_a_reason_tags_lists_long_and_pages_events()
    {
        var name = "cli-mv-" + Guid.NewGuid().ToString("N")[..6];
        var id = await cloud.CreateServerAsync(name);

        var run = await cloud.OpenStackBatchAsync(
            new Dictionary<string, string> { ["OS_COMPUTE_API_VERSION"] = "2.92" },
            $"server lock --reason patching {name}",
            $"server set --tag blue --tag tier=1 {name}",
            "server list --long --tags blue --locked -f json",
            $"server show {name} -f json",
            $"server event list {name} --long --limit 1 -f json",
            $"server unlock {name}");

        Assert.True(run.Stdout.TrimStart().StartsWith('['), run.ToString());
        var outputs = JsonDocuments(run.Stdout);
        Assert.True(outputs.Count == 3, run.ToString());
        var listed = Assert.Single(outputs[0].EnumerateArray());
        // From 2.47 OSC names the flavor from the server's embedded one; the VM's tags are also its properties.
        Assert.Equal((id, "small", "ACTIVE", "UP"), (listed.GetProperty("ID").GetString(), listed.GetProperty("Flavor").GetString(), listed.GetProperty("Status").GetString(), listed.GetProperty("Host Status").GetString()));
        Assert.Equal("1", listed.GetProperty("Properties").GetProperty("tier").GetString());
        var shown = outputs[1];
        Assert.Equal("patching", shown.GetProperty("locked_reason").GetString());
        Assert.True(shown.GetProperty("locked").GetBoolean());
        Assert.Contains("tier=1", shown.GetProperty("tags").ToString(), StringComparison.Ordinal);
        var events = outputs[2].EnumerateArray().ToList();
        Assert.Equal("lock", Assert.Single(events).GetProperty("Action").GetString());   // the newest of three, one page of one
    }

    /// <summary>The JSON documents one after the other in a batch's output.</summary>
    private static List<JsonElement> JsonDocuments(string text)
    {
        var documents = new List<JsonElement>();
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var offset = 0;
        while (bytes.AsSpan(offset).IndexOfAnyExcept(" \r\n\t"u8) is var skip and >= 0)
        {
            offset += skip;
            var reader = new Utf8JsonReader(bytes.AsSpan(offset));
            using var document = JsonDocument.ParseValue(ref reader);
            documents.Add(document.RootElement.Clone());
            offset += (int)reader.BytesConsumed;
        }

        return documents;
    }

    private async Task<string> Ok(params string[] args)
    {
        var run = await cloud.OpenStackAsync(args);
        Assert.True(run.ExitCode == 0, $"openstack {string.Join(' ', args)}: {run}");
        return run.Stdout;
    }

    private async Task Step(string id, string status, params string[] args)
    {
        await Ok(args);
        await cloud.WaitForAsync(id, status);
    }

    // keystoneauth's debug log names the request id the server returned for each call.
    [GeneratedRegex(@"POST call to compute for \S+/action used request id (req-[0-9a-f-]+)")]
    private static partial Regex RequestIdOfAction();
}
