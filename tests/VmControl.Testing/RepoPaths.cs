namespace VmControl.Testing;

/// <summary>
/// Paths in the repository, found by walking up from the test binaries (tests/X/bin/{Configuration}/net10.0) to the
/// folder that holds Functions.sln.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>Release or Debug: the folder above <c>net10.0</c> in the test's output path; the host is run from the same one.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>Where the build put VmControl.LocalHost.dll (a test project references the host, so it is built first).</summary>
    public static string LocalHostDll => PathOf("src", "VmControl.LocalHost", "bin", Configuration, "net10.0", "VmControl.LocalHost.dll");

    /// <summary>Where scripts/azurite.sh installs Azurite.</summary>
    public static string AzuriteBinary => PathOf(".tools", "azurite", "node_modules", ".bin", "azurite");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
