using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Enforcer.TestSupport;

/// <summary>What tests and benches need to run a server process on loopback.</summary>
public static class LocalHost
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Polls <c>GET {baseAddress}health</c> until it answers 200. Fails at once when <paramref name="hasExited"/> turns
    /// true, and after <paramref name="timeout"/>; both messages end with <paramref name="describe"/> (e.g. the log).
    /// </summary>
    public static async Task WaitHealthyAsync(Uri baseAddress, Func<bool> hasExited, Func<string> describe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hasExited);
        ArgumentNullException.ThrowIfNull(describe);
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"the host at {baseAddress} exited during start-up: {describe()}");
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

        throw new TimeoutException($"the host at {baseAddress} did not answer /health within {timeout.TotalSeconds:0} s: {describe()}");
    }
}
