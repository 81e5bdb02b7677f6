namespace Enforcer.Google.Firestore;

/// <summary>Server-side field transforms applied as part of a write.</summary>
public enum FieldTransformKind
{
    ServerTimestamp,
    Increment,
    Maximum,
    Minimum,
    AppendMissingElements,
    RemoveAllFromArray,
}
