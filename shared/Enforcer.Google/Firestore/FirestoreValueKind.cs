namespace Enforcer.Google.Firestore;

/// <summary>The type of a Firestore value, as in the v1 API's Value message.</summary>
public enum FirestoreValueKind
{
    Null,
    Boolean,
    Integer,
    Double,
    Timestamp,
    String,
    Bytes,
    Reference,
    GeoPoint,
    Array,
    Map,
}
