namespace Enforcer.TestSupport;

/// <summary>
/// Finds how to launch each emulator. Prefers the emulator's own launcher inside the Cloud SDK
/// (skips gcloud's Python start-up, about 3 s per emulator here) and falls back to
/// "gcloud beta emulators ... start". ENFORCER_EMULATOR_LAUNCH=gcloud forces the gcloud route.
/// </summary>
internal static class EmulatorCommands
{
    public const string LaunchModeVariable = "ENFORCER_EMULATOR_LAUNCH";

    public static (string FileName, string[] Arguments)? Resolve(EmulatorKind kind, int port, string projectId, bool? viaGcloud = null)
    {
        var gcloud = FindOnPath("gcloud");
        if (gcloud is null)
        {
            return null;
        }

        var forceGcloud = viaGcloud ?? string.Equals(Environment.GetEnvironmentVariable(LaunchModeVariable), "gcloud", StringComparison.OrdinalIgnoreCase);
        var sdkRoot = SdkRoot(gcloud);
        if (!forceGcloud && sdkRoot is not null)
        {
            var direct = kind switch
            {
                EmulatorKind.Firestore => (Path.Combine(sdkRoot, "platform", "cloud-firestore-emulator", "cloud_firestore_emulator"),
                    new[] { "start", "--host=127.0.0.1", $"--port={port}" }),
                _ => (Path.Combine(sdkRoot, "platform", "pubsub-emulator", "bin", "cloud-pubsub-emulator"),
                    new[] { "--host=127.0.0.1", $"--port={port}" }),
            };
            if (File.Exists(direct.Item1))
            {
                return direct;
            }
        }

        return kind switch
        {
            EmulatorKind.Firestore => (gcloud, ["beta", "emulators", "firestore", "start", $"--host-port=127.0.0.1:{port}", "--quiet"]),
            _ => (gcloud, ["beta", "emulators", "pubsub", "start", $"--host-port=127.0.0.1:{port}", $"--project={projectId}", "--quiet"]),
        };
    }

    public static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? SdkRoot(string gcloud)
    {
        // /usr/bin/gcloud -> ../lib/google-cloud-sdk/bin/gcloud: the SDK root is the parent of bin/.
        var target = new FileInfo(gcloud).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? gcloud;
        var bin = Path.GetDirectoryName(target);
        var root = bin is null ? null : Path.GetDirectoryName(bin);
        return root is not null && Directory.Exists(Path.Combine(root, "platform")) ? root : null;
    }
}
