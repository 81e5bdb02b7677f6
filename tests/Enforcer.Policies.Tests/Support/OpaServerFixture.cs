namespace Enforcer.Policies.Tests.Support;

/// <summary>One test server (over the shared embedded engine) for a test class.</summary>
public sealed class OpaServerFixture : IAsyncLifetime
{
    private OpaTestServer? _server;

    public OpaTestServer Server => _server ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync() => _server = await OpaTestServer.StartAsync(Engines.Embedded);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
