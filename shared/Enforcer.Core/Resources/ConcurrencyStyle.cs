namespace Enforcer.Core.Resources;

/// <summary>How an API family guards against lost updates; decides how a stale write fails.</summary>
public enum ConcurrencyStyle
{
    /// <summary>An <c>etag</c> in the body; a stale one fails with 409 ABORTED (IAM-style APIs) .</summary>
    Etag,

    /// <summary>Compute Engine: <c>fingerprint</c> / <c>labelFingerprint</c> in the body; stale → 412 conditionNotMet.</summary>
    Fingerprint,

    /// <summary>Cloud Storage: <c>ifMetagenerationMatch</c> query parameter (and the IAM policy's etag); stale → 412.</summary>
    Metageneration,
}
