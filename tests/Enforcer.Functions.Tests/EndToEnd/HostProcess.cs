using System.Collections.Concurrent;
using System.Diagnostics;

using Enforcer.TestSupport;

namespace Enforcer.Functions.Tests.EndToEnd;

/// <summary>
/// Runs a function host as its own process (the built assembly under functions/NAME/bin), on a free
/// loopback port, and keeps its stdout lines for assertions. Disposing kills the process tree.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyCollection<string> OutputLines => _lines;

    public static async Task<HostProcess> StartAsync(string function, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var assembly = Checkout.FunctionAssembly(function);
        var port = LocalHost.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {assembly}");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) host._lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host._lines.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await LocalHost.WaitHealthyAsync(host.BaseAddress, () => process.HasExited, () => string.Join('\n', host._lines), TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
