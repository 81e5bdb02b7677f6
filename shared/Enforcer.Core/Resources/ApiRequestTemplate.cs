namespace Enforcer.Core.Resources;

/// <summary>A read request of a resource type: verb, path relative to the API base, optional fixed query, and the IAM permission it needs.</summary>
public sealed record ApiRequestTemplate(string Verb, PathTemplate Path, string Permission, string? Query);
