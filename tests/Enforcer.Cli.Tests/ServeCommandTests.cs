using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Enforcer.Cli.Tests;

/// <summary>`enforcer serve`: the three functions in one process, sharing the store, with remediations relayed in process.</summary>
public class ServeCommandTests
{
    [Fact]
    public async Task Serve_ThreeFunctions_AnswerHealthAndAnEventReachesHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        int[] ports = [FreePort(), FreePort(), FreePort()];
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var serving = CliApp.RunAsync(
            ["serve", "--evaluate-port", Text(ports[0]), "--remediate-port", Text(ports[1]), "--history-port", Text(ports[2]), "--enforce",
             "--resources", CliRun.Path("samples", "resources"), "--quarantine", CliRun.Path("samples", "state", "quarantine.json")],
            new CliConsole(output, error, interactive: false),
            stop.Token);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            string[] names = ["evaluate", "remediate", "history"];
            for (var i = 0; i < 3; i++)
            {
                var health = await WaitForAsync(http, Url(ports[i], "healthz"), body => body.Contains(names[i], StringComparison.Ordinal), serving, ct);
                Assert.Contains("\"ok\"", health, StringComparison.Ordinal);
            }

            // A sink-to-topic-to-push delivery of the sample bucket creation, as Pub/Sub would POST it.
            var entry = await File.ReadAllBytesAsync(CliRun.Path("samples", "events", "bucket-create.json"), ct);
            var push = $$"""{"message":{"data":"{{Convert.ToBase64String(entry)}}","messageId":"serve-test-1"},"subscription":"projects/p/subscriptions/s"}""";
            using var content = new StringContent(push, Encoding.UTF8, "application/json");
            using var posted = await http.PostAsync(Url(ports[0], string.Empty), content, ct);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

            var events = await WaitForAsync(http, Url(ports[2], "v1/events?page_size=10"), body => body.Contains("acme-raw-data", StringComparison.Ordinal), serving, ct);
            using var document = JsonDocument.Parse(events);
            var recorded = Assert.Single(document.RootElement.GetProperty("events").EnumerateArray());
            Assert.Equal("serve-test-1", recorded.GetProperty("delivery_id").GetString());
            Assert.Equal("evaluated", recorded.GetProperty("outcome").GetString());
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(0, await serving);
        Assert.Contains("Stopped.", output.ToString(), StringComparison.Ordinal);
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Uri Url(int port, string path) => new($"http://127.0.0.1:{port}/{path}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Polls until the body satisfies the check; fails at once if serve has already exited.
    private static async Task<string> WaitForAsync(HttpClient http, Uri url, Func<string, bool> check, Task<int> serving, CancellationToken ct)
    {
        var last = "(no answer)";
        for (var i = 0; i < 300; i++)
        {
            if (serving.IsCompleted)
            {
                Assert.Fail($"serve exited with {await serving} before {url} answered");
            }

            try
            {
                last = await http.GetStringAsync(url, ct);
                if (check(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(100, ct);
        }

        Assert.Fail($"{url} never matched; last answer: {last}");
        return last;
    }
}
