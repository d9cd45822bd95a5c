using VmControl.Application.Events;

namespace VmControl.Application.Model;

/// <summary>
/// An event a target did not take within its retry budget: kept, with the last error, until an admin replays it.
/// <see cref="TargetId"/> is the subscription's id, or <c>publisher:</c> and the publisher's name.
/// </summary>
public sealed record DeadLetter(string TargetId, VmEvent Event, int Attempts, string LastError, DateTimeOffset DeadAt)
{
    public const string PublisherPrefix = "publisher:";

    public static string PublisherTarget(string name) => PublisherPrefix + name;
}
