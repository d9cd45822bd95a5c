namespace VmControl.Infra.Tests;

/// <summary>Paths in the repository, found by walking up from the test binaries to the folder with Functions.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string AzureDeployJson => Path.Combine(Root, "infra", "azuredeploy.json");

    public static string AppSettingsJson => Path.Combine(Root, "infra", "app-settings.json");

    public static string MainBicep => Path.Combine(Root, "infra", "bicep", "main.bicep");

    /// <summary>Where scripts/bicep.sh installs the Bicep CLI (Azure.Bicep.CommandLine.linux-x64 0.49.2).</summary>
    public static string BicepBinary => Path.Combine(
        Root, ".tools", "bicep", "packages", "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
