using System.Net;
using Enforcer.Google.Http;
using Google.Apis.Auth.OAuth2;

namespace Enforcer.Google.Tests.Http;

public class GoogleAuthHandlerTests
{
    private sealed class CountingToken : ITokenAccess
    {
        public List<string?> Audiences { get; } = [];

        public Task<string> GetAccessTokenForRequestAsync(string? authUri = null, CancellationToken cancellationToken = default)
        {
            Audiences.Add(authUri);
            return Task.FromResult($"token-{Audiences.Count}");
        }
    }

    [Fact]
    public async Task SendAsync_AddsBearerTokenFromCredentialToEveryRequest()
    {
        var seen = new List<string?>();
        var inner = new StubHttpHandler(request =>
        {
            seen.Add(request.Headers.Authorization?.ToString());
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var credential = new CountingToken();
        using var http = new HttpClient(new GoogleAuthHandler(credential, inner));

        await http.GetAsync(new Uri("https://storage.googleapis.com/storage/v1/b/x"), TestContext.Current.CancellationToken);
        await http.GetAsync(new Uri("https://firestore.googleapis.com/v1/projects/p"), TestContext.Current.CancellationToken);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], seen);
        Assert.Equal("https://storage.googleapis.com/storage/v1/b/x", credential.Audiences[0]);
    }
}
