namespace VmControl.Drivers.Azure.Tests;

/// <summary>One request the fake ARM endpoint received.</summary>
internal sealed record FakeArmRequest(string Method, string Path, string? ApiVersion, string Query, string Body, string? Authorization)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
