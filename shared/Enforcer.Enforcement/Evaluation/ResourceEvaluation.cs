using Enforcer.Core.Reading;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Evaluation;

/// <summary>A live read and, when the resource was found, its policy evaluation and state token.</summary>
public sealed record ResourceEvaluation(ReadOutcome Read, PolicyEvaluation? Policies, string? State, ResourceFound? Found);
