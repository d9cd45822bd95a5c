namespace VmControl.Bench.Libvirt;

/// <summary>Reads the test guest's console: its latest boot's id, and whether that boot is up (a ready line, then a beat).</summary>
internal static class Boots
{
    private const string Ready = "vmcontrol-guest ready boot=";

    /// <summary>Waits until the latest boot is up; with <paramref name="notBoot"/>, until a boot other than that one is.</summary>
    public static async Task WaitAsync(string console, string? notBoot = null)
    {
        for (var i = 0; i < 600; i++)
        {
            var text = Read(console);
            var ready = text.LastIndexOf(Ready, StringComparison.Ordinal);
            if (ready >= 0 && text.IndexOf("vmcontrol-guest beat", ready, StringComparison.Ordinal) > 0 && !Stopped(text, ready)
                && (notBoot is null || BootAt(text, ready) != notBoot))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{console}: no ready guest after 60 s");
    }

    /// <summary>The boot id of the latest ready line, or null before the first.</summary>
    public static string? Latest(string console)
    {
        var text = Read(console);
        var ready = text.LastIndexOf(Ready, StringComparison.Ordinal);
        return ready < 0 ? null : BootAt(text, ready);
    }

    private static string Read(string console) => File.Exists(console) ? File.ReadAllText(console) : string.Empty;

    private static string BootAt(string text, int ready)
    {
        var start = ready + Ready.Length;
        var end = text.IndexOfAny(['\r', '\n', ' '], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    // A guest that powered off since its ready line is not up (a stopped one is started by the next action).
    private static bool Stopped(string text, int ready) => text.IndexOf("power button", ready, StringComparison.Ordinal) > 0;
}
