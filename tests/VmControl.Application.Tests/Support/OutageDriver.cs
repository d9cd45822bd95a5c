namespace VmControl.Application.Tests.Support;

/// <summary>
/// A fake at the driver port: every call goes to the real driver, but the bulk list is served as two pages and, while
/// <see cref="Failing"/>, the second page fails as an outage would, mid-pass (and so does a single machine's read).
/// </summary>
internal sealed class OutageDriver(IHypervisorDriver inner) : IHypervisorDriver
{
    private const string SecondPage = "outage-driver-page-2";

    public bool Failing { get; set; }

    public string Name => inner.Name;

    public DriverCapabilities Capabilities => inner.Capabilities;

    public Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default) =>
        inner.BeginAsync(command, cancellationToken);

    public Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default) =>
        inner.PollAsync(operation, cancellationToken);

    public Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default) =>
        Failing ? throw Unreachable() : inner.GetPowerStateAsync(externalId, cancellationToken);

    public async Task<Page<PowerReading>> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default)
    {
        if (continuationToken == SecondPage)
        {
            return Failing ? throw Unreachable() : new Page<PowerReading>([], null);
        }

        var page = await inner.ListPowerStatesAsync(continuationToken, cancellationToken);
        return page with { ContinuationToken = page.ContinuationToken ?? SecondPage };
    }

    private static HypervisorException Unreachable() =>
        new(new HypervisorError("unavailable", "The hypervisor is unreachable.", Transient: true, Domain.FailureKind.NothingChanged));
}
