using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VmControl.Application;
using VmControl.Application.Tasks;
using VmControl.Functions.Durable;
using VmControl.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Registered before AddVmControlApplication (which only tries to add one): in Functions the Durable client
// arrives per invocation through [DurableClient], not from DI.
builder.Services.AddSingleton<ITaskLauncher, FunctionsTaskLauncher>();
builder.Services.AddVmControlApplication(settings => builder.Configuration.GetSection("Tasks").Bind(settings));
builder.Services.AddVmControlHttp();
builder.Services.AddVmControlActivities();

await builder.Build().RunAsync();
