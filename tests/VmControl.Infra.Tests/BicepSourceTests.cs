using System.Diagnostics;
using System.Text.Json.Nodes;

namespace VmControl.Infra.Tests;

/// <summary>
/// Runs the Bicep CLI that scripts/bicep.sh installs into .tools/ (test.sh runs that script first).
/// Without the binary these tests fail, saying how to install it: a skipped check would hide a stale template.
/// </summary>
public sealed class BicepSourceTests
{
    [Fact]
    public void AzureDeployJson_IsInSyncWithMainBicep()
    {
        var build = RunBicep("build", Repo.MainBicep, "--stdout");
        Assert.True(build.ExitCode == 0, $"bicep build failed:\n{build.Error}");
        Assert.DoesNotContain("Warning", build.Error, StringComparison.OrdinalIgnoreCase);

        var fresh = ArmTemplate.Parse(build.Output).Normalised();
        var committed = ArmTemplate.Load(Repo.AzureDeployJson).Normalised();

        Assert.True(JsonNode.DeepEquals(committed, fresh),
            "infra/azuredeploy.json is stale: run scripts/check-infra.sh --update and commit it.");
    }

    [Fact]
    public void BicepLint_OnMainBicep_ReportsNoWarningOrError()
    {
        var lint = RunBicep("lint", Repo.MainBicep);

        Assert.True(lint.ExitCode == 0, $"bicep lint failed:\n{lint.Output}{lint.Error}");
        Assert.DoesNotContain("Warning", lint.Output + lint.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", lint.Output + lint.Error, StringComparison.OrdinalIgnoreCase);
    }

    private static (int ExitCode, string Output, string Error) RunBicep(params string[] arguments)
    {
        Assert.True(File.Exists(Repo.BicepBinary),
            $"The Bicep CLI is not installed at {Repo.BicepBinary}: run scripts/bicep.sh first.");

        var start = new ProcessStartInfo(Repo.BicepBinary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
