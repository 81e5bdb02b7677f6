namespace Enforcer.Google.Firestore;

/// <summary>A latitude/longitude pair (Firestore geoPointValue).</summary>
public readonly record struct FirestoreGeoPoint(double Latitude, double Longitude);
