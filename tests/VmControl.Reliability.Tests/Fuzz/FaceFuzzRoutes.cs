using CsCheck;

namespace VmControl.Reliability.Tests.Fuzz;

/// <summary>
/// The OpenStack face (<c>/compute</c>, <c>/identity</c>, <c>/image</c>) as a generator of bad requests: bodies,
/// microversion headers, query strings and tokens, over the given existing servers and random ids. Every mutating
/// request is built to be invalid (or to name no existing server), so the face must refuse it and no record may change.
/// </summary>
public static class FaceFuzzRoutes
{
    private static readonly string[] VersionHeaders = ["OpenStack-API-Version", "X-OpenStack-Nova-API-Version"];

    /// <param name="existingVms">Servers that exist (reads of them may succeed; writes to them are always invalid).</param>
    /// <param name="token">A valid Keystone token for an admin of the servers' project.</param>
    public static Gen<FuzzRequest> For(IReadOnlyList<string> existingVms, string token)
    {
        ArgumentNullException.ThrowIfNull(existingVms);
        var vm = Gen.OneOf(existingVms.Select(Gen.Const).ToArray());
        var vmOrId = Gen.Frequency((2, vm), (1, Id));
        var h = Headers(token);
        return Gen.Frequency(
            (3, Gen.Select(CreateBody, h).Select(x => Send("POST", "/compute/v2.1/servers", x.Item1, x.Item2, true))),
            (3, Gen.Select(vmOrId, ActionBody, h).Select(x => Send("POST", $"/compute/v2.1/servers/{x.Item1}/action", x.Item2, x.Item3, true))),
            (2, Gen.Select(vmOrId, UpdateBody, h).Select(x => Send("PUT", $"/compute/v2.1/servers/{x.Item1}", x.Item2, x.Item3, true))),
            (1, Gen.Select(Id, h).Select(x => Send("DELETE", $"/compute/v2.1/servers/{x.Item1}", null, x.Item2, true))),
            (2, Gen.Select(Gen.OneOf(Gen.Const("servers"), Gen.Const("servers/detail"), Gen.Const("flavors"), Gen.Const("flavors/detail")), Query, h)
                .Select(x => Send("GET", $"/compute/v2.1/{x.Item1}?{x.Item2}", null, x.Item3, false))),
            (1, Gen.Select(vmOrId, Query, h).Select(x => Send("GET", $"/compute/v2.1/servers/{x.Item1}/os-instance-actions?{x.Item2}", null, x.Item3, false))),
            (1, Gen.Select(vmOrId, Id, h).Select(x => Send("GET", $"/compute/v2.1/servers/{x.Item1}/os-instance-actions/{x.Item2}", null, x.Item3, false))),
            (1, Gen.Select(vmOrId, Gen.OneOf(Gen.Const("ips"), Gen.Const("os-security-groups"), Gen.Const("os-volume_attachments"), Gen.Const("os-interface")), h)
                .Select(x => Send("GET", $"/compute/v2.1/servers/{x.Item1}/{x.Item2}", null, x.Item3, false))),
            (1, Gen.Select(Id, h).Select(x => Send("GET", $"/compute/v2.1/flavors/{x.Item1}", null, x.Item2, false))),
            // Unknown paths and methods a path does not take: the face's 404 and 405.
            (2, Gen.Select(Method, Segment, Segment, FuzzGens.JsonValue, h).Select(x => Send(x.Item1, $"/compute/v2.1/{x.Item2}/{x.Item3}", x.Item4, x.Item5, x.Item1 != "GET"))),
            (1, Gen.Select(Gen.OneOf(Gen.Const("PATCH"), Gen.Const("PUT"), Gen.Const("DELETE")), FuzzGens.JsonValue, h).Select(x => Send(x.Item1, "/compute/v2.1/servers", x.Item2, x.Item3, true))),
            (1, Gen.Select(Method, Segment, FuzzGens.JsonValue).Select(x => Send(x.Item1, $"/compute/{x.Item2}", x.Item3, NoToken, x.Item1 != "GET"))),
            (1, Gen.Select(Method, Segment, FuzzGens.JsonValue, h).Select(x => Send(x.Item1, $"/image/v2/{x.Item2}", x.Item3, x.Item4, x.Item1 != "GET"))),
            // Keystone: token requests that cannot succeed, unknown paths, wrong methods.
            (3, Gen.Select(AuthBody, h).Select(x => Send("POST", "/identity/v3/auth/tokens", x.Item1, x.Item2, true))),
            (1, Gen.Select(Method, Segment, FuzzGens.JsonValue).Select(x => Send(x.Item1, $"/identity/v3/{x.Item2}", x.Item3, NoToken, x.Item1 != "GET"))),
            (1, Gen.Select(Gen.OneOf(Gen.Const("PUT"), Gen.Const("DELETE"), Gen.Const("PATCH")), FuzzGens.JsonValue).Select(x => Send(x.Item1, "/identity/v3", x.Item2, NoToken, true))));
    }

    private static readonly IReadOnlyDictionary<string, string> NoToken = new Dictionary<string, string>();

    private static readonly Gen<string> Method = Gen.OneOf(new[] { "GET", "POST", "PUT", "PATCH", "DELETE" }.Select(Gen.Const).ToArray());

    /// <summary>
    /// Text for a URL, cut so the escaped request line stays under Kestrel's 8 KB: beyond it Kestrel itself answers
    /// 414 without a body, before any face code runs.
    /// </summary>
    private static readonly Gen<string> UrlText = FuzzGens.AnyText.Select(s => s.Length > 300 ? s[..300] : s);

    /// <summary>A server id that names no server: random text, valid-looking ids, traversal, long ones.</summary>
    private static readonly Gen<string> Id = Gen.OneOf(
        UrlText.Select(s => Uri.EscapeDataString(s.Length == 0 ? "x" : s)),
        Gen.Long.Select(n => $"vm-{n:x16}"),
        Gen.Const("..%2F..%2Fetc"),
        Gen.Int[300, 3000].Select(n => new string('a', n)));

    /// <summary>A path segment that names nothing the face serves.</summary>
    private static readonly Gen<string> Segment = UrlText.Select(s => "x" + Uri.EscapeDataString(s));

    /// <summary>Text that no server name takes: a leading space, or only spaces, or a control character.</summary>
    private static readonly Gen<string> BadName = Gen.OneOf(
        FuzzGens.AnyText.Select(s => FuzzGens.Quote(" " + s)),
        FuzzGens.AnyText.Select(s => FuzzGens.Quote(s + "\u0001")),
        Gen.Const("\"\""),
        Gen.Int[256, 2000].Select(n => FuzzGens.Quote(new string('n', n))),
        NotAString);

    private static Gen<string> NotAString => Gen.OneOf(Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Const("true"), Gen.Const("[]"), Gen.Const("{}"));

    private static readonly Gen<string> BadAddress = Gen.OneOf(FuzzGens.AnyText.Select(s => FuzzGens.Quote("x" + s)), NotAString, Gen.Const("\"1.2.3\""), Gen.Const("\"256.1.1.1\""));

    private static readonly Gen<string> NotAnObject = Gen.OneOf(
        FuzzGens.AnyText.Where(s => !s.TrimStart().StartsWith('{')),
        FuzzGens.JsonValue.Where(s => !s.StartsWith('{')),
        Gen.Const("{"),
        Gen.Const("{\"server\":"),
        Gen.Const("{\"server\": {\"name\": \"a\", \"name\": \"b\"}}"),
        Gen.Int[70_000, 120_000].Select(n => FuzzGens.Quote(new string('a', n))));

    private static readonly Gen<string> CreateBody = Gen.OneOf(
        NotAnObject,
        FuzzGens.JsonValue,
        BadName.Select(n => $$$"""{"server":{"name":{{{n}}},"imageRef":"ubuntu","flavorRef":"1"}}"""),
        // No '/': a flavorRef's last path segment is the flavor id, and "x/1" would be flavor 1.
        FuzzGens.AnyText.Where(f => !f.Contains('/')).Select(f => $$$"""{"server":{"name":"web","imageRef":"ubuntu","flavorRef":{{{FuzzGens.Quote("x" + f)}}}}}"""),
        BadAddress.Select(a => $$$"""{"server":{"name":"web","imageRef":"ubuntu","flavorRef":"1","accessIPv4":{{{a}}}}}"""),
        BadAddress.Select(a => $$$"""{"server":{"name":"web","imageRef":"ubuntu","flavorRef":"1","accessIPv6":{{{a}}}}}"""),
        NotAString.Select(p => $$$"""{"server":{"name":"web","imageRef":"ubuntu","flavorRef":"1","adminPass":{{{p}}}}}"""),
        FuzzGens.JsonValue.Where(v => !v.StartsWith('{') && v != "null").Select(v => $$$"""{"server":{"name":"web","imageRef":"ubuntu","flavorRef":"1","metadata":{{{v}}}}}"""),
        Gen.Const("""{"server":{"name":"web","flavorRef":"1"}}"""));

    private static readonly Gen<string> ActionBody = Gen.OneOf(
        NotAnObject,
        FuzzGens.JsonValue,
        FuzzGens.AnyText.Select(t => $$$"""{"reboot":{"type":{{{FuzzGens.Quote("x" + t)}}}}}"""),
        FuzzGens.AnyText.Where(f => !f.Contains('/')).Select(f => $$$"""{"resize":{"flavorRef":{{{FuzzGens.Quote("x" + f)}}}}}"""),
        FuzzGens.AnyText.Select(s => $$$"""{"os-resetState":{"state":{{{FuzzGens.Quote("x" + s)}}}}}"""),
        BadName.Select(n => $$$"""{"rebuild":{"imageRef":"ubuntu","name":{{{n}}}}}"""),
        BadAddress.Select(a => $$$"""{"rebuild":{"imageRef":"ubuntu","accessIPv4":{{{a}}}}}"""),
        NotAString.Select(v => $$$"""{"createImage":{"name":{{{v}}}}}"""),
        // Not an object, so no stop: "{}" or null would be a valid os-stop.
        Gen.OneOf(Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Const("true"), Gen.Const("[]")).Select(v => $$"""{"os-stop":{{v}}}"""),
        // Refused from active by the lifecycle: the answer is Nova's 409.
        Gen.OneOf(Gen.Const("""{"os-start":null}"""), Gen.Const("""{"unpause":null}"""), Gen.Const("""{"confirmResize":null}"""), Gen.Const("""{"restore":null}""")));

    private static readonly Gen<string> UpdateBody = Gen.OneOf(
        NotAnObject,
        FuzzGens.JsonValue.Where(v => !v.Contains("\"server\"", StringComparison.Ordinal)),
        BadName.Select(n => $$$"""{"server":{"name":{{{n}}}}}"""),
        BadAddress.Select(a => $$$"""{"server":{"accessIPv4":{{{a}}}}}"""),
        BadAddress.Select(a => $$$"""{"server":{"accessIPv6":{{{a}}}}}"""),
        FuzzGens.AnyText.Select(d => $$$"""{"server":{"description":{{{FuzzGens.Quote(d + "\n")}}}}}"""),
        FuzzGens.AnyText.Select(k => "{\"server\":{" + FuzzGens.Quote("x" + k) + ":1}}"));

    private static readonly Gen<string> Query = Gen.OneOf(
        UrlText.Select(s => $"limit={Uri.EscapeDataString(s)}"),
        Gen.Int.Select(n => $"limit={n}"),
        UrlText.Select(s => $"marker={Uri.EscapeDataString(s)}"),
        UrlText.Select(s => $"name={Uri.EscapeDataString(s)}"),
        UrlText.Select(s => $"status={Uri.EscapeDataString(s)}&flavor={Uri.EscapeDataString(s)}&image={Uri.EscapeDataString(s)}"),
        UrlText.Select(s => $"minRam={Uri.EscapeDataString(s)}&minDisk={Uri.EscapeDataString(s)}"),
        UrlText.Select(s => $"all_tenants={Uri.EscapeDataString(s)}&changes-since={Uri.EscapeDataString(s)}"),
        Gen.Const("limit=1&limit=2&marker=a&marker=b"));

    private static readonly Gen<string> AuthBody = Gen.OneOf(
        NotAnObject,
        FuzzGens.JsonValue,
        FuzzGens.AnyText.Select(p => """{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"fuzz","domain":{"name":"Default"},"password":""" + FuzzGens.Quote("wrong" + p) + "}}}}}"),
        FuzzGens.AnyText.Select(t => """{"auth":{"identity":{"methods":["token"],"token":{"id":""" + FuzzGens.Quote("t" + t) + "}}}}"),
        FuzzGens.JsonValue.Select(v => """{"auth":{"identity":{"methods":""" + v + "}}}"),
        FuzzGens.JsonValue.Select(v => """{"auth":{"identity":{"methods":["password"],"password":""" + v + """},"scope":""" + v + "}}"));

    /// <summary>No token, a forged or huge one, or the valid one, with or without a microversion header of any text.</summary>
    private static Gen<IReadOnlyDictionary<string, string>> Headers(string token)
    {
        var tokens = Gen.Frequency(
            (1, Gen.Const((string?)null)),
            (1, FuzzGens.Ascii.Select(t => (string?)("f" + t))),
            (1, Gen.Int[600, 9000].Select(n => (string?)new string('t', n))),
            (4, Gen.Const<string?>(token)));
        var versions = Gen.Frequency(
            (2, Gen.Const(((string, string)?)null)),
            (1, Gen.Select(Gen.OneOf(VersionHeaders.Select(Gen.Const).ToArray()), FuzzGens.Ascii).Select(x => ((string, string)?)(x.Item1, x.Item2))),
            (1, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 200]).Select(x => ((string, string)?)("OpenStack-API-Version", $"compute {x.Item1}.{x.Item2}"))),
            (1, Gen.Const<(string, string)?>(("OpenStack-API-Version", "compute latest"))));
        return Gen.Select(tokens, versions).Select(x =>
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (x.Item1 is { } t)
            {
                headers["X-Auth-Token"] = t;
            }

            if (x.Item2 is { } v)
            {
                headers[v.Item1] = v.Item2;
            }

            return (IReadOnlyDictionary<string, string>)headers;
        });
    }

    private static FuzzRequest Send(string method, string path, string? body, IReadOnlyDictionary<string, string> headers, bool mustReject) =>
        new("face", method, path, body, headers, mustReject);
}
