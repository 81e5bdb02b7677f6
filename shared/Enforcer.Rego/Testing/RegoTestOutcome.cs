namespace Enforcer.Rego.Testing;

/// <summary>Outcome of one Rego test rule, as <c>opa test</c> reports it.</summary>
public enum RegoTestOutcome
{
    Pass,
    Fail,
    Error,
    Skip,
}
