using System.Diagnostics;
using System.Net;

namespace Enforcer.TestSupport;

/// <summary>Starts an emulator in its own process group and waits for it to serve requests.</summary>
public static class EmulatorLauncher
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts one emulator on a free loopback port and waits until it answers. Never throws for an
    /// emulator that cannot start: the result carries the reason (with the log tail) instead.
    /// <paramref name="viaGcloud"/> true launches through "gcloud beta emulators", false through the SDK's
    /// launcher scripts, null as ENFORCER_EMULATOR_LAUNCH says (default: the scripts).
    /// </summary>
    public static async Task<EmulatorStartResult> StartAsync(EmulatorKind kind, bool? viaGcloud = null)
    {
        string? lastReason = null;
        // A second attempt on a new port covers the rare case of another process taking the free port first.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var port = LocalHost.FreePort();
            var command = EmulatorCommands.Resolve(kind, port, "enforcer-test", viaGcloud);
            if (command is null)
            {
                return new EmulatorStartResult(null, null, "gcloud is not on PATH");
            }

            var log = Path.Combine(Path.GetTempPath(), $"enforcer-emulators-{Environment.ProcessId}", $"{kind}-{port}.log");
            var environment = new Dictionary<string, string>
            {
                ["CLOUDSDK_CORE_DISABLE_PROMPTS"] = "1",
            };
            EmulatorProcess process;
            try
            {
                process = EmulatorProcess.Start(kind.ToString(), command.Value.FileName, command.Value.Arguments, log, environment);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return new EmulatorStartResult(null, null, $"could not launch {command.Value.FileName}: {ex.Message}");
            }

            var host = $"127.0.0.1:{port}";
            var failure = await WaitUntilReadyAsync(kind, host, process).ConfigureAwait(false);
            if (failure is null)
            {
                return new EmulatorStartResult(process, host, null);
            }

            await process.StopAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            lastReason = $"{failure}; log {log}:\n{process.ReadLogTail()}";
        }

        return new EmulatorStartResult(null, null, lastReason);
    }

    private static async Task<string?> WaitUntilReadyAsync(EmulatorKind kind, string host, EmulatorProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var probe = kind == EmulatorKind.Firestore
            ? new Uri($"http://{host}/")
            : new Uri($"http://{host}/v1/projects/probe/topics");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                return $"{kind} emulator exited during start-up";
            }

            try
            {
                using var response = await http.GetAsync(probe).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                // The Firestore emulator answers "Ok" on its root once it serves requests.
                if (response.StatusCode == HttpStatusCode.OK && (kind != EmulatorKind.Firestore || body.Trim() == "Ok"))
                {
                    return null;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return $"{kind} emulator did not answer within {StartTimeout.TotalSeconds:0} s";
    }
}
