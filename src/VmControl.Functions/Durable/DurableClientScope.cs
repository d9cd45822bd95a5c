namespace VmControl.Functions.Durable;

/// <summary>
/// The invocation's Durable client. Functions hands it to a trigger through <c>[DurableClient]</c> rather than DI, so
/// the trigger puts it here for the duration of its call and <see cref="FunctionsTaskLauncher"/> reads it.
/// </summary>
public static class DurableClientScope
{
    private static readonly AsyncLocal<DurableTaskClient?> CurrentClient = new();

    public static DurableTaskClient? Current => CurrentClient.Value;

    /// <summary>Makes <paramref name="client"/> current until the returned scope is disposed.</summary>
    public static IDisposable Use(DurableTaskClient client)
    {
        var previous = CurrentClient.Value;
        CurrentClient.Value = client;
        return new Restore(previous);
    }

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => CurrentClient.Value = previous;
    }
}
