namespace Enforcer.Core.Reading;

/// <summary>403: the enforcer's identity lacks <paramref name="Permission"/>, or <paramref name="Api"/> is not enabled.</summary>
/// <param name="Permission">The IAM permission the call needs.</param>
/// <param name="Api">The API host to enable if it is disabled.</param>
/// <param name="ServiceDisabled">True when Google said the API is disabled in the consumer project.</param>
/// <param name="Message">An actionable sentence for logs.</param>
public sealed record ReadPermissionDenied(string Permission, string Api, bool ServiceDisabled, string Message) : ReadOutcome;
