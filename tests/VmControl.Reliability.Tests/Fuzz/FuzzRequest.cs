namespace VmControl.Reliability.Tests.Fuzz;

/// <summary>One generated request. <paramref name="MustReject"/>: built to be invalid, so any 2xx is a validation hole.</summary>
public sealed record FuzzRequest(string Route, string Method, string Path, string? Body, IReadOnlyDictionary<string, string> Headers, bool MustReject)
{
    public override string ToString() =>
        $"{Method} {Path} [{string.Join("; ", Headers.Select(h => $"{h.Key}: {Cut(h.Value)}"))}] {Cut(Body)}";

    private static string Cut(string? text) => text is null ? "(no body)" : text.Length <= 200 ? text : text[..200] + $"…({text.Length} chars)";
}
