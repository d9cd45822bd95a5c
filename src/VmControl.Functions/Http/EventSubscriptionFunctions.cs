namespace VmControl.Functions.Http;

/// <summary>Webhook subscriptions and their dead letters (admin).</summary>
public sealed class EventSubscriptionFunctions(VmControlApi api)
{
    [Function("CreateEventSubscription")]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "event-subscriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.CreateEventSubscriptionAsync(context, cancellationToken));

    [Function("ListEventSubscriptions")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "event-subscriptions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListEventSubscriptionsAsync(context, cancellationToken));

    [Function("GetEventSubscription")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "event-subscriptions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetEventSubscriptionAsync(context, id, cancellationToken));

    [Function("DeleteEventSubscription")]
    public Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "event-subscriptions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.DeleteEventSubscriptionAsync(context, id, cancellationToken));

    [Function("ListDeadLetters")]
    public Task<IActionResult> ListDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "event-subscriptions/{id}/dead-letters")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListDeadLettersAsync(context, id, cancellationToken));

    [Function("ReplayDeadLetters")]
    public Task<IActionResult> ReplayDeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "event-subscriptions/{id}/dead-letters/replay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ReplayDeadLettersAsync(context, id, cancellationToken));
}
