using VmControl.Application;
using VmControl.Application.Settings;
using VmControl.Http;
using VmControl.Hosting;
using VmControl.Hosting.Telemetry;
using VmControl.Durable.Sidecar;
using VmControl.Events.EventGrid;
using VmControl.OpenStack;
using VmControl.LocalHost.Hosting;

// The same system as the Functions app, without Functions Core Tools: the shared HTTP API on 127.0.0.1:7071, the
// shared orchestrator and activities on an in-process Durable engine over Azurite.
var builder = WebApplication.CreateBuilder(args);

// Before anything listens: keys configured, or a generated admin key on loopback only (docs/security.md).
var keyNotice = LocalAdminKey.Ensure(builder.Configuration);
builder.Services.MoveHostFilteringAfterProblems();
var infrastructure = builder.Configuration.Get<InfrastructureOptions>() ?? new InfrastructureOptions();
builder.Configuration.GetSection("Storage").Bind(infrastructure);
var engine = builder.Configuration.GetSection("Durable").Get<DurableEngineOptions>() ?? new DurableEngineOptions();
engine.StorageConnectionString = infrastructure.StorageConnectionString ?? engine.StorageConnectionString;

using var engineLogs = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
await using var sidecar = await DurableSidecar.StartAsync(engine, engineLogs);

builder.Services.AddVmControlInfrastructure(infrastructure);
builder.Services.AddVmControlEvents(builder.Configuration, local: true);
builder.Services.AddVmControlTelemetry(builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions());
builder.Services.BindVmControlSettings(builder.Configuration);
builder.Services.AddVmControlApplication();
builder.Services.AddDurableEngine(sidecar);
builder.Services.AddVmControlHttp();
builder.Services.AddEventGridPublisher(builder.Configuration);
builder.Services.AddOpenStackApi(builder.Configuration);
builder.Services.AddLocalPowerSync();
builder.Services.AddLocalSchedules();

var app = builder.Build();
if (keyNotice is not null)
{
    Console.WriteLine(keyNotice);
}

app.UseVmControlProblems();
app.UseHostFiltering();
app.UseVmControlConsole();
app.MapVmControlApi();
app.MapOpenStackApi();
await app.RunAsync();

/// <summary>The entry point, visible to the end-to-end tests' host factory.</summary>
public partial class Program
{
}
