namespace Enforcer.Google;

/// <summary>OAuth scopes the adapters request from Application Default Credentials.</summary>
public static class GoogleScopes
{
    public const string CloudPlatform = "https://www.googleapis.com/auth/cloud-platform";
    public const string Datastore = "https://www.googleapis.com/auth/datastore";
    public const string PubSub = "https://www.googleapis.com/auth/pubsub";
}
