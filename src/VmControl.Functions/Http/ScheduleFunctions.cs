namespace VmControl.Functions.Http;

/// <summary>Schedules, calendars, overrides and a VM's schedule (docs/schedules.md, docs/api.md).</summary>
public sealed class ScheduleFunctions(VmControlApi api)
{
    [Function("GetVmSchedule")]
    public Task<IActionResult> GetVmSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vms/{id}/schedule")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetVmScheduleAsync(context, id, cancellationToken));

    [Function("ListSchedules")]
    public Task<IActionResult> ListSchedules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedules")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListSchedulesAsync(context, cancellationToken));

    [Function("CreateSchedule")]
    public Task<IActionResult> CreateSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "schedules")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.CreateScheduleAsync(context, cancellationToken));

    [Function("GetSchedule")]
    public Task<IActionResult> GetSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedules/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetScheduleAsync(context, id, cancellationToken));

    [Function("ReplaceSchedule")]
    public Task<IActionResult> ReplaceSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "schedules/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ReplaceScheduleAsync(context, id, cancellationToken));

    [Function("DeleteSchedule")]
    public Task<IActionResult> DeleteSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "schedules/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.DeleteScheduleAsync(context, id, cancellationToken));

    [Function("PreviewSchedule")]
    public Task<IActionResult> PreviewSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedules/{id}/preview")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.PreviewScheduleAsync(context, id, cancellationToken));

    [Function("ListCalendars")]
    public Task<IActionResult> ListCalendars(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendars")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListCalendarsAsync(context, cancellationToken));

    [Function("PutCalendar")]
    public Task<IActionResult> PutCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calendars/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.PutCalendarAsync(context, id, cancellationToken));

    [Function("DeleteCalendar")]
    public Task<IActionResult> DeleteCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "calendars/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.DeleteCalendarAsync(context, id, cancellationToken));

    [Function("ListOverrides")]
    public Task<IActionResult> ListOverrides(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "overrides")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListOverridesAsync(context, cancellationToken));

    [Function("CreateOverride")]
    public Task<IActionResult> CreateOverride(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "overrides")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.CreateOverrideAsync(context, cancellationToken));

    [Function("DeleteOverride")]
    public Task<IActionResult> DeleteOverride(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "overrides/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.DeleteOverrideAsync(context, id, cancellationToken));
}
