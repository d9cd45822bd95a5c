using Microsoft.Extensions.DependencyInjection;
using VmControl.Application.Tasks.Activities;
using VmControl.Application.Tasks.V1;

namespace VmControl.Functions.Durable;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>The shared activities, resolved per invocation by <see cref="ActivityFunctions"/>.</summary>
    public static IServiceCollection AddVmControlActivities(this IServiceCollection services)
    {
        services.AddTransient<BeginVmTaskActivity>();
        services.AddTransient<PollOperationActivity>();
        services.AddTransient<FinishVmTaskActivity>();
        services.AddTransient<BeginVmTaskActivityV1>();
        services.AddTransient<Application.Fleet.PlanFleetActivity>();
        services.AddTransient<Application.Fleet.AdvanceFleetTierActivity>();
        services.AddTransient<Application.Fleet.CheckFleetReadinessActivity>();
        services.AddTransient<Application.Fleet.FinishFleetActivity>();
        return services;
    }
}
