namespace Enforcer.Hosting.Auth;

/// <summary>Who a verified identity token says the caller is.</summary>
/// <param name="Subject">The token's sub (a stable account id).</param>
/// <param name="Email">The account's email, when the token carries one.</param>
/// <param name="EmailVerified">Whether Google verified that email.</param>
public sealed record VerifiedCaller(string Subject, string? Email, bool EmailVerified);
