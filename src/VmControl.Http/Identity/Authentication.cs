namespace VmControl.Http.Identity;

/// <summary>What one authenticator made of a request's credentials.</summary>
public abstract record Authentication
{
    private Authentication()
    {
    }

    /// <summary>The request carries none of this authenticator's credentials.</summary>
    public sealed record Absent : Authentication;

    /// <summary>It carries them, and they are not valid (an unknown key, a malformed principal).</summary>
    public sealed record Rejected(string Reason) : Authentication;

    public sealed record Known(Caller Caller) : Authentication;

    public static Absent None { get; } = new();
}
