using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VmControl.Application;
using VmControl.Application.Ports;
using VmControl.Application.PowerSync;
using VmControl.Application.Settings;
using VmControl.Events.EventGrid;
using VmControl.Functions;
using VmControl.Hosting;
using VmControl.Http.Identity;
using VmControl.OpenStack;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The same settings shape as the local host: Driver and Azure at the root, the tables under Storage.
var infrastructure = builder.Configuration.Get<InfrastructureOptions>() ?? new InfrastructureOptions();
builder.Configuration.GetSection("Storage").Bind(infrastructure);
builder.Services.AddVmControlInfrastructure(infrastructure);
builder.Services.AddVmControlEvents(builder.Configuration, local: false);
builder.Services.AddVmControlFunctionsTelemetry(builder.Configuration);

// Registered before AddVmControlApplication (which only tries to add one): in Functions the Durable client
// arrives per invocation through [DurableClient], not from DI.
builder.Services.AddSingleton<ITaskLauncher, FunctionsTaskLauncher>();
builder.Services.AddSingleton<IFleetLauncher, FunctionsFleetLauncher>();
builder.Services.BindVmControlSettings(builder.Configuration);
builder.Services.AddVmControlApplication();
builder.Services.AddVmControlPowerSync();
builder.Services.AddVmControlHttp();

// The OpenStack face under /api/identity, /api/compute and /api/image (OpenStackFunctions), from the OpenStack section.
// Never keyless here: the Functions host reaches the worker over loopback, so every caller would look local.
builder.Services.AddOpenStackApi(builder.Configuration, keylessAllowed: false);

// Event Grid receives every event when Events:EventGrid:Endpoint is set (the Bicep sets it), signed in as the app's identity.
builder.Services.AddEventGridPublisher(builder.Configuration);

// Only here: App Service Authentication sets X-MS-CLIENT-PRINCIPAL on this host; the LocalHost never believes it.
builder.Services.AddSingleton<ICallerAuthenticator, ClientPrincipal>();
builder.Services.AddVmControlActivities();

await builder.Build().RunAsync();
