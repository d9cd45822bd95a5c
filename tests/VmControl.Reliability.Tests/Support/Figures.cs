namespace VmControl.Reliability.Tests.Support;

/// <summary>
/// What one reliability test did, printed at its end to the test output and to stdout (docs/reliability.md records
/// these lines), so a green run also says how much it proved.
/// </summary>
public sealed class Figures(string test)
{
    private long faults;
    private long restarts;
    private long records;

    public long FaultsInjected => Interlocked.Read(ref faults);

    public long RestartsSurvived => Interlocked.Read(ref restarts);

    public long RecordsChecked => Interlocked.Read(ref records);

    public Dictionary<string, string> Extra { get; } = [];

    public void Fault(long count = 1) => Interlocked.Add(ref faults, count);

    public void Restart() => Interlocked.Increment(ref restarts);

    public void Checked(long count = 1) => Interlocked.Add(ref records, count);

    /// <summary>One line: <c>[reliability] test: requests=… faults=… restarts=… records=… extra…</c>.</summary>
    public string Line(long requestsSent)
    {
        var extra = string.Concat(Extra.Select(e => $" {e.Key}={e.Value}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[reliability] {test}: requests={requestsSent} faults={FaultsInjected} restarts={RestartsSurvived} records={RecordsChecked}{extra}");
    }

    public void Print(ITestOutputHelper output, long requestsSent)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = Line(requestsSent);
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
