using System.Text.RegularExpressions;

namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>
/// The test guest's serial console log (the guest's /init prints "vmcontrol-guest ready boot=ID" once per boot and a
/// numbered beat every second), read to tell a new boot from a guest that went on running.
/// </summary>
public sealed partial class GuestConsole(string path)
{
    public GuestView Read()
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var readies = ReadyLine().Matches(text);
        var beats = BeatLine().Matches(text);
        var lastReady = readies.Count > 0 ? readies[^1] : null;
        var beatsOfLastBoot = lastReady is null ? 0 : beats.Count(b => b.Index > lastReady.Index);
        return new GuestView(readies.Count, lastReady?.Groups[1].Value, beats.Count, beatsOfLastBoot, beats.Count > 0 ? beats[^1].Groups[1].Value : null);
    }

    public string Tail()
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "(no console log)";
        return text.Length > 600 ? text[^600..] : text;
    }

    [GeneratedRegex(@"vmcontrol-guest ready boot=([0-9a-f-]+)")]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"vmcontrol-guest beat \d+ boot=([0-9a-f-]+)")]
    private static partial Regex BeatLine();
}
