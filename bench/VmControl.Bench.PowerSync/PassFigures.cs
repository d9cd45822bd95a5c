using System.Globalization;

namespace VmControl.Bench.PowerSync;

/// <summary>
/// One measured pass: driver reads, VM table writes, seconds; <see cref="CpuSeconds"/> is the bench process's own CPU
/// time meanwhile (the service, the storage client, the simulator), which Azurite's time does not include;
/// <see cref="Extrapolated"/> when scaled up from a sample.
/// </summary>
internal sealed record PassFigures(string Kind, int Vms, long DriverReads, long TableWrites, double Seconds, double CpuSeconds, bool Extrapolated = false)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind,-16} N={Vms,7}  driver reads {DriverReads,7}  table writes {TableWrites,7}  {Seconds,8:F2} s  bench CPU {CpuSeconds,7:F2} s{(Extrapolated ? "  (extrapolated)" : string.Empty)}");
}
