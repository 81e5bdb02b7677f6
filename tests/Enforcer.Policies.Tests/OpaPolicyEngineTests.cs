using System.Net;
using System.Net.Sockets;
using Enforcer.Policies.Opa;
using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>The OPA client's behaviour under faults, over real HTTP to the test server.</summary>
/// <remarks>
/// Each test gets its own server (sharing the fixture's compiled engine): a request that a timed-out
/// client abandoned can reach a shared server late and would be counted, or take a fault, in the next test.
/// </remarks>
public sealed class OpaPolicyEngineTests(OpaServerFixture fixture) : IClassFixture<OpaServerFixture>, IAsyncLifetime
{
    private readonly PolicyInput _input = ContractCase.Load("firewall_rdp_open").Input;
    private OpaTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await OpaTestServer.StartAsync(fixture.Server.Engine);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private OpaPolicyEngine Client(int attempts = 3, TimeSpan? timeout = null, string? decisionsPath = null) => new(fixture.Http, new OpaEngineOptions
    {
        BaseAddress = _server.BaseAddress,
        MaxAttempts = attempts,
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        RetryDelay = TimeSpan.FromMilliseconds(1),
        DecisionsPath = decisionsPath ?? "enforcer/decisions",
    });

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task EvaluateAsync_TransientStatusOnce_RetriesAndSucceeds(int status)
    {
        _server.Enqueue(new ServerFault(status));
        var before = _server.DataRequests;

        var evaluation = await Client().EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.True(evaluation.IsSuccess, evaluation.Error?.Message);
        Assert.Equal(2, evaluation.Decisions.Count);
        Assert.Equal(2, _server.DataRequests - before);
    }

    [Fact]
    public async Task EvaluateAsync_503OnEveryAttempt_TransientErrorAfterMaxAttempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(new ServerFault(503));
        }

        var before = _server.DataRequests;

        var evaluation = await Client(attempts: 3).EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.False(evaluation.IsSuccess);
        Assert.Equal(PolicyErrorKind.Transient, evaluation.Error!.Kind);
        Assert.Contains("503", evaluation.Error.Message, StringComparison.Ordinal);
        Assert.Empty(evaluation.Decisions);
        Assert.Equal(3, _server.DataRequests - before);
    }

    [Fact]
    public async Task EvaluateAsync_SlowerThanTimeout_TransientTimeoutError()
    {
        _server.Enqueue(new ServerFault(null, TimeSpan.FromSeconds(3)));
        _server.Enqueue(new ServerFault(null, TimeSpan.FromSeconds(3)));

        var evaluation = await Client(attempts: 2, timeout: TimeSpan.FromMilliseconds(200)).EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyErrorKind.Transient, evaluation.Error?.Kind);
        Assert.Contains("within 200 ms", evaluation.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_TimeoutThenAnswer_Succeeds()
    {
        _server.Enqueue(new ServerFault(null, TimeSpan.FromSeconds(3)));

        var evaluation = await Client(attempts: 2, timeout: TimeSpan.FromMilliseconds(300)).EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.True(evaluation.IsSuccess, evaluation.Error?.Message);
    }

    [Fact]
    public async Task EvaluateAsync_NoResultInAnswer_UndefinedErrorFailsClosed()
    {
        var evaluation = await Client(decisionsPath: "enforcer/no_such_document").EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.False(evaluation.IsSuccess);
        Assert.Equal(PolicyErrorKind.Undefined, evaluation.Error!.Kind);
        Assert.Empty(evaluation.Decisions);
    }

    [Fact]
    public async Task EvaluateAsync_BadRequest_PermanentWithoutRetry()
    {
        _server.Enqueue(new ServerFault(400, Body: "{\"code\":\"invalid_parameter\"}"));
        var before = _server.DataRequests;

        var evaluation = await Client().EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyErrorKind.Permanent, evaluation.Error?.Kind);
        Assert.Contains("invalid_parameter", evaluation.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.DataRequests - before);
    }

    [Fact]
    public async Task EvaluateAsync_AnswerIsNotJson_Permanent()
    {
        _server.Enqueue(new ServerFault(200, Body: "<html>proxy error</html>"));

        var evaluation = await Client().EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyErrorKind.Permanent, evaluation.Error?.Kind);
    }

    [Fact]
    public async Task EvaluateAsync_ResultIsNotADecisionList_Permanent()
    {
        _server.Enqueue(new ServerFault(200, Body: "{\"result\":{\"allow\":true}}"));

        var evaluation = await Client().EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyErrorKind.Permanent, evaluation.Error?.Kind);
    }

    [Fact]
    public async Task EvaluateAsync_NothingListening_TransientError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new OpaPolicyEngine(fixture.Http, new OpaEngineOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            MaxAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
        });

        var evaluation = await client.EvaluateAsync(_input, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyErrorKind.Transient, evaluation.Error?.Kind);
        Assert.Contains("unreachable", evaluation.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_CallerCancels_Throws()
    {
        _server.Enqueue(new ServerFault(null, TimeSpan.FromSeconds(3)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().EvaluateAsync(_input, cancel.Token));
    }

    [Fact]
    public async Task ListPoliciesAsync_ServerError_Transient()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(new ServerFault(502));
        }

        var listing = await Client().ListPoliciesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(PolicyErrorKind.Transient, listing.Error?.Kind);
    }

    [Fact]
    public async Task Health_TestServer_AnswersLikeOpa()
    {
        var response = await fixture.Http.GetStringAsync(new Uri(_server.BaseAddress, "health"), TestContext.Current.CancellationToken);

        Assert.Equal("{}", response);
    }
}
