namespace VmControl.Bench.Libvirt;

/// <summary>Waits until the test guest's console shows its latest boot ready (a ready line, then a beat).</summary>
internal static class Boots
{
    public static async Task WaitAsync(string console)
    {
        for (var i = 0; i < 600; i++)
        {
            var text = File.Exists(console) ? await File.ReadAllTextAsync(console) : string.Empty;
            var ready = text.LastIndexOf("vmcontrol-guest ready", StringComparison.Ordinal);
            if (ready >= 0 && text.IndexOf("vmcontrol-guest beat", ready, StringComparison.Ordinal) > 0 && !Stopped(text, ready))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{console}: no ready guest after 60 s");
    }

    // A guest that powered off since its ready line is not up (a stopped one is started by the next action).
    private static bool Stopped(string text, int ready) => text.IndexOf("power button", ready, StringComparison.Ordinal) > 0;
}
