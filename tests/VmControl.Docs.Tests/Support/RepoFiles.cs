namespace VmControl.Docs.Tests.Support;

/// <summary>Files of the repository, found by walking up from the test binaries to the folder holding Functions.sln.</summary>
internal static class RepoFiles
{
    public static string Root()
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

    public static string PathOf(params string[] parts) => Path.Combine([Root(), .. parts]);
}
