namespace VmControl.Http;

/// <summary>Header names the API reads or writes.</summary>
public static class ApiHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string IfMatch = "If-Match";
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string OperationLocation = "Operation-Location";

    /// <summary>The headers an idempotent replay returns, as the first response had them.</summary>
    public static IReadOnlyList<string> Replayed { get; } = [Location, OperationLocation, ETag];
}
