namespace VmControl.Application.Fleet;

/// <summary>What a fleet command came to; each case maps to one HTTP answer.</summary>
public abstract record FleetAnswer
{
    private FleetAnswer()
    {
    }

    /// <summary>202: the operation is stored and its orchestration started (or, for cancel, the request recorded).</summary>
    public sealed record Accepted(FleetOperation Operation) : FleetAnswer;

    /// <summary>400: a field is missing or malformed; nothing was written.</summary>
    public sealed record Invalid(string Field, string Message) : FleetAnswer;

    /// <summary>404: no operation the caller sees has that id.</summary>
    public sealed record NotFound(string Id) : FleetAnswer;

    /// <summary>409: the operation has already ended.</summary>
    public sealed record Finished(FleetOperation Operation) : FleetAnswer;
}
