namespace VmControl.OpenStack.Tests.Clients;

/// <summary>Debian's openstacksdk, connecting with password auth in code (no clouds.yaml), at the microversions it negotiates.</summary>
[Collection(CloudCollection.Name)]
public sealed class SdkTests(OpenStackCloud cloud)
{
    private const string Script = """
        import json, os, openstack
        conn = openstack.connect(
            auth_url=os.environ["VMC_AUTH_URL"], username=os.environ["VMC_USER"], password=os.environ["VMC_PASSWORD"],
            project_name=os.environ["VMC_PROJECT"], user_domain_name="Default", project_domain_name="Default",
            region_name="RegionOne", identity_api_version="3", load_yaml_config=False, load_envvars=False)
        out = {}
        server = conn.compute.create_server(name=os.environ["VMC_NAME"], image_id="ubuntu", flavor_id="2")
        server = conn.compute.wait_for_server(server, status="ACTIVE", interval=0.5, wait=60)
        out["created"] = [server.status, server.vm_state, server.power_state, server.flavor["original_name"]]
        conn.compute.lock_server(server, locked_reason="patching")
        # 0.101's tag calls send no microversion, so Nova (and the face) would answer 404: asked at 2.26 here.
        conn.compute.put("/servers/%s/tags/blue" % server.id, microversion="2.26").raise_for_status()
        locked = conn.compute.get_server(server)
        # 0.101's Server has no locked_reason attribute: read from the server as the SDK fetched it at 2.73.
        raw = conn.compute.get("/servers/%s" % server.id, microversion="2.73").json()["server"]
        out["locked"] = [locked.is_locked, raw["locked_reason"], locked.tags]
        conn.compute.unlock_server(server)
        conn.compute.stop_server(server)
        server = conn.compute.wait_for_server(server, status="SHUTOFF", interval=0.5, wait=60)
        out["stopped"] = [server.status, server.vm_state, server.power_state]
        out["listed"] = [s.name for s in conn.compute.servers(name="^" + os.environ["VMC_NAME"] + "$")]
        out["flavors"] = sorted(f.name for f in conn.compute.flavors())
        try:
            conn.compute.stop_server(server)
            out["refused"] = None
        except openstack.exceptions.ConflictException as e:
            out["refused"] = [e.status_code, str(e)]
        conn.compute.delete_server(server)
        conn.compute.wait_for_delete(server, interval=0.5, wait=60)
        out["deleted"] = conn.compute.find_server(server.id) is None
        print(json.dumps(out, separators=(",", ":")))
        """;

    [Fact]
    public async Task The_sdk_connects_with_password_auth_and_drives_a_server()
    {
        var name = "sdk-" + Guid.NewGuid().ToString("N")[..6];
        var run = await cloud.PythonAsync(Script, new Dictionary<string, string>
        {
            ["VMC_AUTH_URL"] = cloud.BaseUrl + "/identity",
            ["VMC_USER"] = OpenStackCloud.User,
            ["VMC_PASSWORD"] = cloud.Password,
            ["VMC_PROJECT"] = OpenStackCloud.Project,
            ["VMC_NAME"] = name,
        });
        Assert.True(run.ExitCode == 0, run + "\n" + cloud.HostLog);
        var result = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]).RootElement;
        // The SDK asks for its newest server microversion (2.73 in Debian's 0.101): the flavor comes embedded, by name.
        Assert.Equal("""["ACTIVE","active",1,"medium"]""", result.GetProperty("created").GetRawText());
        // 0.101 posts actions with no microversion, so the lock's reason arrives at 2.1, where Nova ignores it.
        Assert.Equal("""[true,null,["blue"]]""", result.GetProperty("locked").GetRawText());
        Assert.Equal("""["SHUTOFF","stopped",4]""", result.GetProperty("stopped").GetRawText());
        Assert.Equal([name], result.GetProperty("listed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["large", "medium", "small"], result.GetProperty("flavors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(409, result.GetProperty("refused")[0].GetInt32());
        Assert.Contains("while it is in vm_state stopped", result.GetProperty("refused")[1].GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("deleted").GetBoolean());
    }
}
