using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Enforcer.TestSupport;

namespace Enforcer.EndToEndBench;

/// <summary>
/// A built function host (functions/NAME/bin/CONFIG/net10.0/Enforcer.Functions.NAME.dll) run as <c>dotnet DLL</c> on a
/// free loopback port. It is launched like the emulators (<see cref="EmulatorProcess"/>: its own session, output to a
/// log file, the whole group stopped on dispose, on process exit, and by a watchdog if this process dies).
/// </summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    private readonly EmulatorProcess _process;

    private FunctionProcess(string name, EmulatorProcess process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public string LogPath => _process.LogPath;

    public bool HasExited => _process.HasExited;

    /// <summary>The host's assembly as built with this tool's configuration; throws with a hint when absent.</summary>
    public static string Locate(string repositoryRoot, string function)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(repositoryRoot, "functions", function, "bin", output.Parent!.Name, output.Name, $"Enforcer.Functions.{function}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"functions/{function} is not built (dotnet build functions/{function} -c {output.Parent.Name})", path);
    }

    public static async Task<FunctionProcess> StartAsync(string name, string assembly, IReadOnlyDictionary<string, string> environment, string logDirectory, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var variables = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_NOLOGO"] = "1",
        };
        var process = EmulatorProcess.Start(name, "dotnet", [assembly], Path.Combine(logDirectory, name.ToLowerInvariant() + ".log"), variables);
        var host = new FunctionProcess(name, process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await host.WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    public string ReadLogTail(int lines = 20) => _process.ReadLogTail(lines);

    public async ValueTask DisposeAsync() => await _process.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up; {LogPath}:\n{ReadLogTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The 2 s request timeout.
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} did not answer /health within 90 s; {LogPath}:\n{ReadLogTail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
