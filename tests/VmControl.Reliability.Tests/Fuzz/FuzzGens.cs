using System.Text.Json;
using CsCheck;

namespace VmControl.Reliability.Tests.Fuzz;

/// <summary>
/// CsCheck generators for bad input over every route of docs/api.md: bodies (random JSON, wrong types, nested
/// garbage, huge and unicode strings), ids, query strings and headers. Mutating requests are built to be invalid
/// (the API must refuse every one); reads may answer 200 or a 4xx.
/// </summary>
public static class FuzzGens
{
    private static readonly string[] RefusedFromActive = ["start", "unpause", "resume", "unrescue", "confirm_resize", "revert_resize", "restore"];

    /// <summary>Printable ASCII, as header values must be.</summary>
    public static readonly Gen<string> Ascii = Gen.Char[' ', '~'].Array[0, 40].Select(c => new string(c));

    /// <summary>Any string: unicode, control characters, long ones.</summary>
    public static readonly Gen<string> AnyText = Gen.OneOf(Gen.String, Ascii, Gen.Char.Array[200, 2000].Select(c => new string(c)), Gen.Const(string.Empty));

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e309"),
        AnyText.Select(Quote),
        Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null")));

    /// <summary>Random JSON values, nested a few levels: the "garbage" a body may be.</summary>
    public static readonly Gen<string> JsonValue = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Gen.String[0, 10], self).Array[0, 4].Select(props => "{" + string.Join(",", props.Select(p => $"{Quote(p.Item1)}:{p.Item2}")) + "}"))));

    /// <summary>A path segment id: random text (escaped), valid-looking ids that do not exist, or traversal-like ones.</summary>
    public static readonly Gen<string> Id = Gen.OneOf(
        AnyText.Select(s => Uri.EscapeDataString(s.Length == 0 ? "x" : s)),
        Gen.Long.Select(n => $"vm-{n:x16}"),
        Gen.Const("..%2F..%2Fetc"),
        Gen.Int[300, 3000].Select(n => new string('a', n)));

    /// <summary>A value of the wrong JSON type for a string field.</summary>
    private static readonly Gen<string> NotAString = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf(Gen.Const("true"), Gen.Const("[]"), Gen.Const("{}"), Gen.Const("[\"a\"]"), Gen.Const("{\"a\":1}")));

    /// <summary>Text that no field accepts: too long, or empty.</summary>
    private static readonly Gen<string> TooLong = Gen.Int[1025, 20_000].Select(n => Quote(new string('é', n)));

    /// <summary>Not JSON at all, or JSON that is not an object.</summary>
    private static readonly Gen<string> NotAnObject = Gen.OneOf(
        AnyText.Where(s => !s.TrimStart().StartsWith('{')),
        JsonValue.Where(s => !s.StartsWith('{')),
        Gen.Const("{"),
        Gen.Const("{\"name\":"),
        Gen.Int[70_000, 200_000].Select(n => Quote(new string('a', n))));

    public static readonly Gen<string> CreateBody = Gen.OneOf(
        NotAnObject,
        NotAString.Select(v => $$"""{"name":{{v}},"size":"small","image":"ubuntu"}"""),
        NotAString.Select(v => $$"""{"name":"web","size":{{v}},"image":"ubuntu"}"""),
        TooLong.Select(v => $$"""{"name":{{v}},"size":"small","image":"ubuntu"}"""),
        TooLong.Select(v => $$"""{"name":"web","size":"small","image":{{v}}}"""),
        // Names are any printable text (Nova's rule) but never start with a space.
        AnyText.Select(s => $$"""{"name":{{Quote(" " + s)}},"size":"small","image":"ubuntu"}"""),
        Gen.Const("""{"size":"small","image":"ubuntu"}"""),
        Gen.Const("""{"name":"web","image":"ubuntu"}"""),
        JsonValue.Where(v => !v.StartsWith('{') && v != "null").Select(v => $$"""{"name":"web","size":"small","image":"ubuntu","tags":{{v}}}"""),
        Gen.Int[51, 80].Select(n => """{"name":"web","size":"small","image":"ubuntu","tags":{""" + string.Join(",", Enumerable.Range(0, n).Select(i => $"\"k{i}\":\"v\"")) + "}}"));

    public static readonly Gen<string> ActionBody = Gen.OneOf(
        NotAnObject,
        Gen.Const("{}"),
        NotAString.Select(v => $$"""{"action":{{v}}}"""),
        AnyText.Where(s => s.Length > 0 && !s.Contains('"') && !s.Contains('\\')).Select(s => $$"""{"action":{{Quote("x-" + s)}}}"""),
        Gen.OneOf(RefusedFromActive.Select(Gen.Const).ToArray()).Select(a => $$"""{"action":"{{a}}"}"""),
        Gen.Const("""{"action":"create"}"""),
        AnyText.Select(s => $$"""{"action":"reboot","type":{{Quote("x" + s)}}}"""),
        NotAString.Select(v => $$"""{"action":"resize","size":{{v}}}"""),
        TooLong.Select(v => $$"""{"action":"resize","size":{{v}}}"""),
        Gen.Const("""{"action":"resize","size":""}"""),
        Gen.Const("""{"action":"resize","size":"small"}"""),
        Gen.Const("""{"action":"snapshot"}"""),
        TooLong.Select(v => $$"""{"action":"backup","name":{{v}}}"""),
        NotAString.Select(v => $$"""{"action":"rebuild","image":{{v}}}"""),
        Gen.Const("""{"action":"stop","type":"hard"}"""));

    public static readonly Gen<string> ResetBody = Gen.OneOf(
        NotAnObject,
        AnyText.Where(s => s is not ("active" or "error")).Select(s => $$"""{"vmState":{{Quote(s)}},"reason":"r"}"""),
        NotAString.Select(v => $$"""{"vmState":{{v}},"reason":"r"}"""),
        Gen.Const("""{"vmState":"active"}"""),
        Gen.Const("""{"vmState":"error","reason":""}"""),
        TooLong.Select(v => $$"""{"vmState":"active","reason":{{v}}}"""));

    public static readonly Gen<string> SettingsBody = Gen.OneOf(
        NotAnObject,
        Gen.Int[int.MinValue, -1].Select(n => $$"""{"latencyMs":{{n}},"failureRate":0}"""),
        Gen.Int[600_001, int.MaxValue].Select(n => $$"""{"latencyMs":{{n}},"failureRate":0}"""),
        Gen.Double[1.0001, 1e9].Select(d => $$"""{"latencyMs":0,"failureRate":{{d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}"""),
        NotAString.Select(v => $$"""{"latencyMs":{{v}},"failureRate":"x"}"""),
        Gen.Const("""{"failureRate":-0.5,"latencyMs":0}"""));

    public static readonly Gen<string> FaultBody = Gen.OneOf(
        NotAnObject,
        Gen.Int[int.MinValue, 0].Select(n => $$"""{"count":{{n}},"kind":"transient"}"""),
        AnyText.Where(s => s is not ("transient" or "permanent")).Select(s => $$"""{"count":1,"kind":{{Quote(s)}}}"""),
        AnyText.Select(s => $$"""{"count":1,"kind":"permanent","vmId":{{Quote("bad" + s)}}}"""),
        AnyText.Select(s => $$"""{"count":1,"kind":"permanent","action":{{Quote("x" + s)}}}"""));

    public static readonly Gen<string> PowerBody = Gen.OneOf(
        NotAnObject,
        AnyText.Where(s => s is not ("nostate" or "running" or "paused" or "shutdown" or "crashed" or "suspended")).Select(s => $$"""{"powerState":{{Quote(s)}}}"""),
        NotAString.Select(v => $$"""{"powerState":{{v}}}"""));

    public static readonly Gen<string> MachineBody = Gen.OneOf(
        NotAnObject,
        NotAString.Select(v => $$"""{"name":{{v}},"powerState":"running"}"""),
        AnyText.Where(s => s is not ("nostate" or "running" or "paused" or "shutdown" or "crashed" or "suspended")).Select(s => $$"""{"name":"m1","powerState":{{Quote(s)}}}"""));

    /// <summary>A query string for a list route: bad limits, unknown filters, forged tokens, repeats.</summary>
    public static readonly Gen<string> BadQuery = Gen.OneOf(
        Gen.Int.Where(n => n is < 1 or > 1000).Select(n => $"limit={n}"),
        AnyText.Where(s => !int.TryParse(s, out _)).Select(s => $"limit={Uri.EscapeDataString(s)}"),
        AnyText.Select(s => $"continuationToken={Uri.EscapeDataString("f" + s)}"),
        AnyText.Select(s => $"vmState={Uri.EscapeDataString("x" + s)}"),
        AnyText.Select(s => $"taskState={Uri.EscapeDataString("x" + s)}"),
        AnyText.Select(s => $"powerState={Uri.EscapeDataString("x" + s)}"),
        AnyText.Select(s => $"status={Uri.EscapeDataString("x" + s)}&kind={Uri.EscapeDataString("y" + s)}"),
        Gen.Const("limit=1&limit=2"));

    /// <summary>
    /// Headers for a mutating request: none, random or huge Idempotency-Key, random If-Match, and the authentication and
    /// browser headers (a second, random X-Api-Key; a forged X-MS-CLIENT-PRINCIPAL, which the LocalHost must ignore;
    /// random Origin and Sec-Fetch-Site).
    /// </summary>
    public static readonly Gen<IReadOnlyDictionary<string, string>> Headers = Gen.OneOf(
        Gen.Const<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()),
        Ascii.Select(k => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Idempotency-Key"] = "k" + k }),
        Gen.Int[300, 8000].Select(n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', n) }),
        Ascii.Select(m => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["If-Match"] = "\"" + m + "\"" }),
        Gen.Select(Ascii, Ascii).Select(p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["If-Match"] = p.Item1, ["Idempotency-Key"] = "k" + p.Item2 }),
        Ascii.Select(k => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["X-Api-Key"] = "k" + k }),
        Gen.Int[600, 9000].Select(n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["X-Api-Key"] = new string('k', n) }),
        AnyText.Select(t => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($$"""{"auth_typ":"aad","claims":[{"typ":"roles","val":"VmControl.Admin"},{"typ":"name","val":{{Quote(t)}}}]}""")),
        }),
        Ascii.Select(o => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Origin"] = "http://" + o }),
        Ascii.Select(s => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Sec-Fetch-Site"] = s }));

    public static string Quote(string text) => JsonSerializer.Serialize(text);
}
