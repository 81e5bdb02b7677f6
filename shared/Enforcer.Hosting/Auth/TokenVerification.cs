namespace Enforcer.Hosting.Auth;

/// <summary>The outcome of verifying an identity token: the caller, or why the token was refused.</summary>
public sealed record TokenVerification(VerifiedCaller? Caller, string? Error)
{
    public bool IsValid => Caller is not null;

    public static TokenVerification Valid(VerifiedCaller caller) => new(caller, null);

    public static TokenVerification Invalid(string error) => new(null, error);
}
