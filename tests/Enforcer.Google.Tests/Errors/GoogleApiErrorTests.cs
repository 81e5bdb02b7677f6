using System.Net;
using System.Text;
using Enforcer.Google.Errors;
using Enforcer.Google.Firestore;
using Enforcer.Google.PubSub;

namespace Enforcer.Google.Tests.Errors;

public class GoogleApiErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FirestoreClient Firestore(StubHttpHandler handler, int maxAttempts = 10) =>
        new(new HttpClient(handler), new FirestoreClientOptions
        {
            ProjectId = "p",
            TransactionMaxAttempts = maxAttempts,
            TransactionInitialBackoff = TimeSpan.FromMilliseconds(1),
            TransactionMaxBackoff = TimeSpan.FromMilliseconds(4),
        });

    [Theory]
    [MemberData(nameof(ErrorCase.Names), MemberType = typeof(ErrorCase))]
    public void FromResponse_CapturedBody_ClassifiesStatusAndTransience(string name)
    {
        var c = ErrorCase.Load(name);

        var error = GoogleApiError.FromResponse(c.HttpStatus, Encoding.UTF8.GetBytes(c.Body));

        Assert.Equal((int)c.HttpStatus, error.HttpStatus);
        Assert.Equal(c.ExpectedStatus, error.Status);
        Assert.Equal(c.Transient, error.IsTransient);
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Theory]
    [MemberData(nameof(ErrorCase.Names), MemberType = typeof(ErrorCase))]
    public async Task WriteAsync_CapturedError_IsAnOutcomeValueOrAClassifiedException(string name)
    {
        var c = ErrorCase.Load(name);
        var client = Firestore(new StubHttpHandler(_ => c.ToResponse()));
        var write = FirestoreWrite.Create("claims/x", new Dictionary<string, FirestoreValue> { ["a"] = 1 });

        if (c.WriteOutcome == "throws")
        {
            var ex = await Assert.ThrowsAsync<GoogleApiException>(() => client.WriteAsync(write, Ct));
            Assert.Equal(c.ExpectedStatus, ex.Status);
            Assert.Equal(c.Transient, ex.IsTransient);
        }
        else
        {
            var result = await client.WriteAsync(write, Ct);
            Assert.Equal(Enum.Parse<WriteStatus>(c.WriteOutcome), result.Status);
            Assert.Equal(c.ExpectedStatus, result.Error?.Status);
        }
    }

    [Theory]
    [InlineData(404, null)]
    [InlineData(503, true)]
    [InlineData(403, false)]
    public async Task GetAsync_ErrorStatus_NotFoundIsNullOthersThrow(int status, bool? transient)
    {
        var client = Firestore(new StubHttpHandler(_ => new HttpResponseMessage((HttpStatusCode)status)));

        if (transient is null)
        {
            Assert.Null(await client.GetAsync("a/b", Ct));
        }
        else
        {
            var ex = await Assert.ThrowsAsync<GoogleApiException>(() => client.GetAsync("a/b", Ct));
            Assert.Equal(transient, ex.IsTransient);
        }
    }

    [Fact]
    public async Task GetAsync_ConnectionRefused_ThrowsTransientUnavailable()
    {
        var client = Firestore(new StubHttpHandler(_ => throw new HttpRequestException("Connection refused")));

        var ex = await Assert.ThrowsAsync<GoogleApiException>(() => client.GetAsync("a/b", Ct));

        Assert.Equal("UNAVAILABLE", ex.Status);
        Assert.True(ex.IsTransient);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task GetAsync_HttpClientTimeout_ThrowsTransientDeadlineExceeded()
    {
        var handler = new StubHttpHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var client = new FirestoreClient(new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(50) }, new FirestoreClientOptions { ProjectId = "p" });

        var ex = await Assert.ThrowsAsync<GoogleApiException>(() => client.GetAsync("a/b", Ct));

        Assert.Equal("DEADLINE_EXCEEDED", ex.Status);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_ThrowsOperationCanceledNotGoogleApiException()
    {
        using var cts = new CancellationTokenSource();
        var handler = new StubHttpHandler(async (_, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var client = Firestore(handler);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("a/b", cts.Token));

        Assert.IsNotType<GoogleApiException>(ex);
    }

    [Fact]
    public async Task RunTransactionAsync_AbortedEveryTime_RetriesBoundedThenThrowsTransient()
    {
        var handler = new StubHttpHandler(request => request.RequestUri!.AbsolutePath switch
        {
            var p when p.EndsWith(":beginTransaction", StringComparison.Ordinal) => Json(200, """{"transaction":"dHg="}"""),
            var p when p.EndsWith(":commit", StringComparison.Ordinal) => Json(409, """{"error":{"code":409,"message":"Transaction lock timeout.","status":"ABORTED"}}"""),
            _ => Json(200, "{}"),
        });
        var client = Firestore(handler, maxAttempts: 4);
        var bodyRuns = 0;

        var ex = await Assert.ThrowsAsync<GoogleApiException>(() => client.RunTransactionAsync(tx =>
        {
            bodyRuns++;
            tx.Set("a/b", new Dictionary<string, FirestoreValue> { ["n"] = 1 });
            return Task.FromResult(0);
        }, Ct));

        Assert.Equal("ABORTED", ex.Status);
        Assert.True(ex.IsTransient);
        Assert.Equal(4, bodyRuns);
        Assert.Equal(4, handler.Requests.Count(r => r.EndsWith(":beginTransaction", StringComparison.Ordinal)));
        Assert.Equal(4, handler.Requests.Count(r => r.EndsWith(":rollback", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PublishAsync_Throttled_ThrowsTransient()
    {
        var handler = new StubHttpHandler(_ => Json(429, """{"error":{"code":429,"message":"Quota","status":"RESOURCE_EXHAUSTED"}}"""));
        var publisher = new PubSubPublisher(new HttpClient(handler), new PubSubClientOptions { ProjectId = "p" });

        var ex = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.PublishAsync("t", PubSubMessage.FromText("x"), Ct));

        Assert.True(ex.IsTransient);
        Assert.Equal(["POST /v1/projects/p/topics/t:publish"], handler.Requests);
    }

    private static HttpResponseMessage Json(int status, string body) =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
