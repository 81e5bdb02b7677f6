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

    public static async Task<FunctionProcess> StartAsync(string name, string assembly, IReadOnlyDictionary<string, string> environment, string logDirectory, CancellationToken cancellationToken)
    {
        var port = LocalHost.FreePort();
        var variables = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_NOLOGO"] = "1",
        };
        var process = EmulatorProcess.Start(name, "dotnet", [assembly], Path.Combine(logDirectory, name.ToLowerInvariant() + ".log"), variables);
        var host = new FunctionProcess(name, process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await LocalHost.WaitHealthyAsync(host.BaseAddress, () => host.HasExited, () => $"{name}, {host.LogPath}:\n{host.ReadLogTail()}", TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
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
}
