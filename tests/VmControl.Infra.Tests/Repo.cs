namespace VmControl.Infra.Tests;

/// <summary>The infrastructure files of the repository (its root found by <see cref="RepoPaths"/>).</summary>
internal static class Repo
{
    public static string Root => RepoPaths.Root;

    public static string AzureDeployJson => Path.Combine(Root, "infra", "azuredeploy.json");

    public static string AppSettingsJson => Path.Combine(Root, "infra", "app-settings.json");

    public static string MainBicep => Path.Combine(Root, "infra", "bicep", "main.bicep");

    /// <summary>Where scripts/bicep.sh installs the Bicep CLI (Azure.Bicep.CommandLine.linux-x64 0.49.2).</summary>
    public static string BicepBinary => Path.Combine(
        Root, ".tools", "bicep", "packages", "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
}
