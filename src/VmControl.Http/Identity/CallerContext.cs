namespace VmControl.Http.Identity;

/// <summary>The caller <see cref="ApiAuthorization"/> found, carried on the request for the handler.</summary>
public static class CallerContext
{
    private static readonly object Key = new();

    public static void SetCaller(this HttpContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = caller;
    }

    /// <summary>The authorized caller. A handler reached without <see cref="ApiAuthorization"/> is a bug, not a guest.</summary>
    public static Caller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var caller) && caller is Caller known
            ? known
            : throw new InvalidOperationException("The request reached a handler without authorization.");
    }
}
