using System.Text.Json;
using VmControl.Application.UseCases;
using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    /// <summary><c>POST /api/event-subscriptions</c>: checked, the receiver's handshake, then stored; 201 with the secret (only here).</summary>
    public Task<ApiResult> CreateEventSubscriptionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            if (Subscriptions is not { } subscriptions)
            {
                return Problems.EventsUnavailable();
            }

            var (request, problem) = RequestReader.Parse<SubscriptionBody>(body);
            if (problem is not null)
            {
                return Problems.InvalidSubscription(DetailOf(problem));
            }

            var outcome = await subscriptions.CreateAsync(
                new SubscriptionRequest(request!.Url, request.Types, request.Subjects, request.Secret, request.MaxAttempts), context.Caller(), cancellationToken).ConfigureAwait(false);
            if (outcome.Created is not { } created)
            {
                return Problems.Create(StatusCodes.Status400BadRequest, outcome.Code!, "The subscription was refused.", outcome.Message!);
            }

            return ApiResult.Json(
                StatusCodes.Status201Created,
                CreatedSubscriptionResource.From(created),
                new Dictionary<string, string> { [ApiHeaders.Location] = $"/api/event-subscriptions/{created.Id}" });
        }, cancellationToken);
    }

    /// <summary><c>GET /api/event-subscriptions</c></summary>
    public Task<ApiResult> ListEventSubscriptionsAsync(HttpContext context, CancellationToken cancellationToken) =>
        Guard(async () => Subscriptions is not { } subscriptions
            ? Problems.EventsUnavailable()
            : ApiResult.Json(StatusCodes.Status200OK, new SubscriptionPage([.. (await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false)).Select(SubscriptionResource.From)])));

    /// <summary><c>GET /api/event-subscriptions/{id}</c></summary>
    public Task<ApiResult> GetEventSubscriptionAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        Guard(async () => Subscriptions is not { } subscriptions
            ? Problems.EventsUnavailable()
            : await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } found
                ? ApiResult.Json(StatusCodes.Status200OK, SubscriptionResource.From(found))
                : Problems.SubscriptionNotFound(id));

    /// <summary><c>DELETE /api/event-subscriptions/{id}</c>: 204; what is queued for it is dropped.</summary>
    public Task<ApiResult> DeleteEventSubscriptionAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async _ => Subscriptions is not { } subscriptions
            ? Problems.EventsUnavailable()
            : await subscriptions.DeleteAsync(id, context.Caller(), cancellationToken).ConfigureAwait(false)
                ? new ApiResult(StatusCodes.Status204NoContent, null)
                : Problems.SubscriptionNotFound(id), cancellationToken);
    }

    /// <summary><c>GET /api/event-subscriptions/{id}/dead-letters</c>; <c>publisher:{name}</c> for a publisher's.</summary>
    public Task<ApiResult> ListDeadLettersAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            if (Subscriptions is not { } subscriptions)
            {
                return Problems.EventsUnavailable();
            }

            var letters = await subscriptions.ListDeadLettersAsync(id, cancellationToken).ConfigureAwait(false);
            return letters is null
                ? Problems.SubscriptionNotFound(id)
                : ApiResult.Json(StatusCodes.Status200OK, new DeadLetterPage([.. letters.Select(l => DeadLetterResource.From(l, EventSource))]));
        });

    /// <summary><c>POST /api/event-subscriptions/{id}/dead-letters/replay</c>: 202 with how many were queued again.</summary>
    public Task<ApiResult> ReplayDeadLettersAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async _ =>
        {
            if (Subscriptions is not { } subscriptions)
            {
                return Problems.EventsUnavailable();
            }

            var replayed = await subscriptions.ReplayAsync(id, context.Caller(), cancellationToken).ConfigureAwait(false);
            return replayed is { } count
                ? ApiResult.Json(StatusCodes.Status202Accepted, new ReplayResource(count))
                : Problems.SubscriptionNotFound(id);
        }, cancellationToken);
    }

    private static string DetailOf(ApiResult problem)
    {
        using var document = JsonDocument.Parse(problem.Body ?? "{}");
        return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? string.Empty : string.Empty;
    }
}
