namespace Enforcer.Google;

/// <summary>Reads the environment variables Google's client libraries use.</summary>
public static class GoogleEnvironment
{
    public const string ProjectVariable = "GOOGLE_CLOUD_PROJECT";
    public const string LegacyProjectVariable = "GCLOUD_PROJECT";

    /// <summary>The explicit project, else GOOGLE_CLOUD_PROJECT, else GCLOUD_PROJECT; throws when none is set.</summary>
    public static string ResolveProjectId(string? projectId, Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var resolved = new[] { projectId, getVariable(ProjectVariable), getVariable(LegacyProjectVariable) }
            .FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
        return resolved ?? throw new InvalidOperationException(
            $"No Google Cloud project: pass one or set {ProjectVariable}.");
    }

    /// <summary>http://HOST:PORT/ for an emulator variable value such as "127.0.0.1:8080" (a scheme is kept if given).</summary>
    public static Uri EmulatorUri(string hostPort)
    {
        var value = hostPort.Trim();
        return new Uri(value.Contains("://", StringComparison.Ordinal) ? value.TrimEnd('/') + "/" : $"http://{value}/");
    }
}
