namespace VmControl.Http;

/// <summary>A request body read within the size cap, with its SHA-256 (the idempotency request hash).</summary>
public sealed record RequestBody(ReadOnlyMemory<byte> Bytes, string Sha256)
{
    public bool IsEmpty => Bytes.IsEmpty;
}
