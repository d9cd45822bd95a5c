using Azure.Core.Pipeline;
using PowerPage = VmControl.Application.Model.Page<VmControl.Application.Ports.PowerReading>;

namespace VmControl.Drivers.Azure;

/// <summary>
/// The hypervisor port over Azure Resource Manager (Azure.ResourceManager.Compute 1.2.0, VM api-version 2023-07-01).
/// No Azure type crosses the port: ARM failures become <see cref="HypervisorException"/>, ARM polling URLs live inside
/// the opaque operation id, and nextLinks inside the opaque continuation token. docs/azure-driver.md has the mapping.
/// </summary>
public sealed class AzureComputeDriver : IHypervisorDriver
{
    private readonly AzureDriverOptions options;
    private readonly ArmClient arm;
    private readonly AzureActionStarter starter;
    private readonly AzureOperationPoller poller;
    private readonly AzurePowerReader reader;
    private readonly TimeProvider clock;

    public AzureComputeDriver(AzureDriverOptions options, TokenCredential credential, ArmClientOptions? armOptions = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        if (string.IsNullOrWhiteSpace(options.SubscriptionId))
        {
            throw new ArgumentException("The Azure driver needs a subscription id.", nameof(options));
        }

        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        armOptions ??= new ArmClientOptions();
        var environment = armOptions.Environment ?? ArmEnvironment.AzurePublicCloud;
        arm = new ArmClient(credential, options.SubscriptionId, armOptions);

        // The same options (transport, retry) and credential as the ArmClient, for reading ARM's operation URLs.
        var pipeline = HttpPipelineBuilder.Build(armOptions, new BearerTokenAuthenticationPolicy(credential, environment.DefaultScope));
        poller = new AzureOperationPoller(pipeline, environment.Endpoint, this.clock);
        reader = new AzurePowerReader(arm, options, environment.Endpoint, this.clock);
        starter = new AzureActionStarter(arm, options, new AzureSnapshotStarter(arm, options), new AzureVmCreator(arm, options), this.clock);
    }

    public string Name => "azure";

    public DriverCapabilities Capabilities => AzureCapabilities.Value;

    public async Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Capabilities.Unsupported.TryGetValue(command.Action, out var reason))
        {
            throw AzureErrors.Permanent("unsupported_action", reason);
        }

        try
        {
            return await starter.BeginAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw AzureErrors.FromRequestFailed(ex, FailureKind.NothingChanged, clock);
        }
    }

    public async Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var handle = AzureOperationHandle.Decode(operation.OperationId);
        try
        {
            if (handle.Url is not null)
            {
                var result = await poller.PollAsync(handle, cancellationToken).ConfigureAwait(false);
                switch (result.State)
                {
                    case OperationState.InProgress:
                        return new OperationProgress(OperationState.InProgress, PollAfter: result.RetryAfter ?? options.DefaultPollAfter);
                    case OperationState.Failed:
                        return new OperationProgress(OperationState.Failed, Error: result.Error);
                }
            }

            return handle.Then == AzureOperationHandle.PowerOnStep
                ? await PowerOnStepAsync(operation.ExternalId, cancellationToken).ConfigureAwait(false)
                : await SettledAsync(operation.ExternalId, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw AzureErrors.FromRequestFailed(ex, FailureKind.Started, clock);
        }
    }

    public async Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await reader.ReadAsync(externalId, cancellationToken).ConfigureAwait(false)).Reading;
        }
        catch (RequestFailedException ex)
        {
            throw AzureErrors.FromRequestFailed(ex, FailureKind.NothingChanged, clock);
        }
    }

    public async Task<PowerPage> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default)
    {
        try
        {
            return await reader.ListAsync(continuationToken, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw AzureErrors.FromRequestFailed(ex, FailureKind.NothingChanged, clock);
        }
    }

    // ARM says the operation is over; the VM's provisioning state says whether it really landed.
    private async Task<OperationProgress> SettledAsync(string externalId, CancellationToken cancellationToken)
    {
        var (reading, status) = await reader.ReadAsync(externalId, cancellationToken).ConfigureAwait(false);
        if (status.ProvisioningFailed)
        {
            var code = status.ProvisioningError ?? "ProvisioningFailed";
            return new OperationProgress(OperationState.Failed, Error: AzureErrors.FromOperation(code, $"Azure reports the VM's provisioning failed ({code})."));
        }

        return status.ProvisioningBusy
            ? new OperationProgress(OperationState.InProgress, PollAfter: options.DefaultPollAfter)
            : new OperationProgress(OperationState.Succeeded, reading);
    }

    // Hard reboot's second half. It is decided from the VM's state, not remembered, so a repeated poll never double-starts.
    private async Task<OperationProgress> PowerOnStepAsync(string externalId, CancellationToken cancellationToken)
    {
        var (reading, status) = await reader.ReadAsync(externalId, cancellationToken).ConfigureAwait(false);
        if (status.ProvisioningFailed)
        {
            return await SettledAsync(externalId, cancellationToken).ConfigureAwait(false);
        }

        if (status.PowerState == PowerState.Running && status.Detail == "running" && !status.ProvisioningBusy)
        {
            return new OperationProgress(OperationState.Succeeded, reading);
        }

        if (status.Detail is "stopped" or "deallocated" && !status.ProvisioningBusy)
        {
            var vm = arm.GetVirtualMachineResource(AzureIds.VirtualMachine(externalId));
            var started = await vm.PowerOnAsync(WaitUntil.Started, cancellationToken).ConfigureAwait(false);
            var after = AzureRetryAfter.From(started.GetRawResponse(), clock);
            return new OperationProgress(OperationState.InProgress, PollAfter: after ?? options.DefaultPollAfter);
        }

        return new OperationProgress(OperationState.InProgress, PollAfter: options.DefaultPollAfter);
    }
}
