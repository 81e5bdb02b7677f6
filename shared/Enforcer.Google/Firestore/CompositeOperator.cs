namespace Enforcer.Google.Firestore;

/// <summary>How a composite filter combines its parts.</summary>
public enum CompositeOperator
{
    And,
    Or,
}
