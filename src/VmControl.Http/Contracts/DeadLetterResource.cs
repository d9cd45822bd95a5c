using System.Text.Json;
using VmControl.Events;

namespace VmControl.Http.Contracts;

/// <summary>A dead letter: the event as it would have been sent (CloudEvents JSON), how often it was tried and the last error.</summary>
public sealed record DeadLetterResource(string EventId, string Type, string Subject, int Attempts, string LastError, DateTimeOffset DeadAt, JsonElement Event)
{
    public static DeadLetterResource From(DeadLetter letter, Uri source)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var document = JsonDocument.Parse(CloudEventJson.Encode(letter.Event, source));
        return new(letter.Event.Id, letter.Event.Type, letter.Event.Subject, letter.Attempts, letter.LastError, letter.DeadAt, document.RootElement.Clone());
    }
}
