using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Enforcer.ColdStart;

/// <summary>
/// A host process started on a free loopback port, timed from just before the spawn. Its output is
/// read and dropped (the same for every host, hello world included). Disposing kills it.
/// </summary>
internal sealed class StartedHost : IAsyncDisposable
{
    private readonly long _spawnedAt;

    private StartedHost(Process process, Uri baseAddress, long spawnedAt)
    {
        Process = process;
        BaseAddress = baseAddress;
        _spawnedAt = spawnedAt;
    }

    public Process Process { get; }

    public Uri BaseAddress { get; }

    public static StartedHost Start(HostTarget target, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(target.Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(target.Executable)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var spawnedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {target.Executable}");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new StartedHost(process, new Uri($"http://127.0.0.1:{port}/"), spawnedAt);
    }

    /// <summary>
    /// Sends the probe until a connection is accepted, and returns the time from spawn to its answer.
    /// A refused connection means Kestrel is not listening yet: retry after 2 ms.
    /// </summary>
    public async Task<(TimeSpan Elapsed, HttpStatusCode Status, string Body)> FirstAnswerAsync(Func<HttpRequestMessage> probe, TimeSpan timeout)
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), UseProxy = false };
        using var client = new HttpClient(handler) { Timeout = timeout };
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"host exited with {Process.ExitCode} before answering");
            }

            try
            {
                using var request = probe();
                using var response = await client.SendAsync(request).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return (Stopwatch.GetElapsedTime(_spawnedAt), response.StatusCode, body);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                if (Stopwatch.GetElapsedTime(_spawnedAt) > timeout)
                {
                    throw new TimeoutException($"no answer within {timeout}", ex);
                }

                Thread.Sleep(2);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync().ConfigureAwait(false);
        }

        Process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
