using System.Reflection;

namespace VmControl.Reliability.Tests.Support;

/// <summary>The repository this build came from (recorded by the project's LocateLocalHost target).</summary>
public static class RepoRoot
{
    public static string Path =>
        typeof(RepoRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value
        ?? throw new InvalidOperationException("The build did not record the repository root.");

    /// <summary>Where scripts/azurite.sh installs Azurite (test.sh installs it before the tests run).</summary>
    public static string AzuriteBinary => System.IO.Path.Combine(Path, ".tools", "azurite", "node_modules", ".bin", "azurite");
}
