namespace VmControl.Application.UseCases;

/// <summary>What a command (create, action, delete, reset) came to; each case maps to one HTTP answer.</summary>
public abstract record CommandResult
{
    private CommandResult()
    {
    }

    /// <summary>202: the task was accepted and its orchestration started.</summary>
    public sealed record Accepted(VmRecord Vm, ActionRecord Action) : CommandResult;

    /// <summary>202 (still deleting) or 200 (deleted): a repeated delete answers with the delete already under way or done.</summary>
    public sealed record AlreadyDeleting(VmRecord Vm, ActionRecord? Action, bool Finished) : CommandResult;

    /// <summary>200: reset-state applied.</summary>
    public sealed record Reset(VmRecord Vm) : CommandResult;

    /// <summary>400: a parameter is missing or malformed; nothing was written.</summary>
    public sealed record Invalid(string Field, string Message) : CommandResult;

    /// <summary>404: no VM has that id.</summary>
    public sealed record NotFound(string VmId) : CommandResult;

    /// <summary>409: the lifecycle refused the action, or another request won the race for the task lock.</summary>
    public sealed record Refused(Decision.Refused Decision) : CommandResult;

    /// <summary>409: a lock or a protection flag refused the action; nothing was written.</summary>
    public sealed record Guarded(SafeguardRefusal Refusal) : CommandResult;

    /// <summary>403: the caller's role does not allow this part of the request (another project at create).</summary>
    public sealed record Forbidden(string Field, string Message) : CommandResult;

    /// <summary>200: the VM's lock or protection flags changed (or already were as asked).</summary>
    public sealed record Updated(VmRecord Vm) : CommandResult;

    /// <summary>412: <c>If-Match</c> named an ETag the VM has moved on from.</summary>
    public sealed record PreconditionFailed(string? CurrentETag) : CommandResult;

    /// <summary>422: the active driver cannot do this action; nothing was written.</summary>
    public sealed record Unsupported(VmAction Action, string Driver, string Reason) : CommandResult;
}
