using VmControl.Application.Model;
using Caller = VmControl.OpenStack.Identity.Caller;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// The role rule of docs/security.md in Nova's terms: a token whose roles give no VmControl role may do nothing, a
/// <c>reader</c> may only read; what needs <c>admin</c> (os-resetState, another project) is checked where it happens.
/// </summary>
public static class ComputePolicy
{
    public static NovaResult? Check(HttpRequest request, Caller caller, Role? role)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (role is null)
        {
            return NovaResult.Fault(403, $"Policy doesn't allow compute requests for user {caller.UserName}: no reader, member or admin role.");
        }

        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        return reads || role >= Role.Operator
            ? null
            : NovaResult.Fault(403, $"Policy doesn't allow {request.Method} {request.Path} to be performed by a reader.");
    }
}
