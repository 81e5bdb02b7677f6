using System.Net;
using System.Net.Http.Headers;
using Enforcer.Functions.History;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enforcer.Functions.Tests.History;

/// <summary>Caller checks: verified identity tokens (own RSA key served as a JWKS on loopback) and the principal allowlist.</summary>
public sealed class HistoryAuthTests : IAsyncLifetime
{
    private const string Audience = "https://history.test";
    private const string Issuer = "https://issuer.test";
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private JwksServer? _jwks;
    private WebApplicationFactory<HistoryFunction>? _factory;

    private JwksServer Jwks => _jwks!;

    public async ValueTask InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync();
        _factory = Host(new()
        {
            ["ENFORCER_HISTORY_ALLOWED_PRINCIPALS"] = "user:alice@example.com, serviceAccount:ci@proj.iam.gserviceaccount.com,domain:trusted.example",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }
    }

    private WebApplicationFactory<HistoryFunction> Host(Dictionary<string, string> settings) =>
        new WebApplicationFactory<HistoryFunction>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ENFORCER_STORE", "memory");
            b.UseSetting("ENFORCER_HISTORY_AUDIENCES", Audience);
            b.UseSetting("ENFORCER_HISTORY_TOKEN_ISSUERS", Issuer);
            b.UseSetting("ENFORCER_HISTORY_JWKS_URL", Jwks.JwksUrl.ToString());
            foreach (var (name, value) in settings)
            {
                b.UseSetting(name, value);
            }
        });

    private static Dictionary<string, object> Claims(string email, bool verified = true) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["sub"] = "1000" + email.Length,
        ["email"] = email,
        ["email_verified"] = verified,
        ["iat"] = Now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = Now.AddMinutes(59).ToUnixTimeSeconds(),
    };

    private static async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<HistoryFunction> factory, string path, string? token, string scheme = "Bearer")
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NoToken_Is401WithBearerChallenge()
    {
        using var response = await GetAsync(_factory!, "/v1/violations", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("identity token is required", (await DeliveryBuilder.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasicCredentials_Are401()
    {
        using var response = await GetAsync(_factory!, "/v1/events", "YWxpY2U6cGFzc3dvcmQ=", "Basic");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/health")]
    public async Task HealthChecks_StayOpen(string path)
    {
        using var response = await GetAsync(_factory!, path, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("ALICE@example.com")]
    [InlineData("ci@proj.iam.gserviceaccount.com")]
    [InlineData("bob@trusted.example")]
    public async Task ListedCaller_Is200(string email)
    {
        var token = Jwks.Mint(Claims(email));

        foreach (var path in new[] { "/v1/violations", "/v1/remediations", "/v1/summary", "/v1/events", "/config" })
        {
            using var response = await GetAsync(_factory!, path, token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("mallory@example.com", true)]
    [InlineData("alice@example.com.evil.test", true)]
    [InlineData("bob@untrusted.example", true)]
    [InlineData("alice@example.com", false)]
    public async Task UnlistedOrUnverifiedCaller_Is403(string email, bool verified)
    {
        using var response = await GetAsync(_factory!, "/v1/violations", Jwks.Mint(Claims(email, verified)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("may not call this API", (await DeliveryBuilder.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> BadTokens() =>
    [
        "expired", "wrong audience", "wrong issuer", "unknown key id", "signed by another key", "alg none", "HS256", "issued in the future",
        "not a jwt", "no subject", "garbage payload",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task InvalidToken_Is401(string kind)
    {
        var claims = Claims("alice@example.com");
        string token;
        switch (kind)
        {
            case "expired":
                claims["exp"] = Now.AddMinutes(-10).ToUnixTimeSeconds();
                token = Jwks.Mint(claims);
                break;
            case "wrong audience":
                claims["aud"] = "https://another-service.test";
                token = Jwks.Mint(claims);
                break;
            case "wrong issuer":
                claims["iss"] = "https://accounts.evil.test";
                token = Jwks.Mint(claims);
                break;
            case "unknown key id":
                token = Jwks.Mint(claims, keyId: "no-such-key");
                break;
            case "signed by another key":
                token = Jwks.Mint(claims, Jwks.Impostor);
                break;
            case "alg none":
                var signed = Jwks.Mint(claims, algorithm: "none");
                token = signed[..(signed.LastIndexOf('.') + 1)];
                break;
            case "HS256":
                token = Jwks.Mint(claims, algorithm: "HS256");
                break;
            case "issued in the future":
                claims["iat"] = Now.AddHours(1).ToUnixTimeSeconds();
                token = Jwks.Mint(claims);
                break;
            case "no subject":
                claims.Remove("sub");
                token = Jwks.Mint(claims);
                break;
            case "garbage payload":
                token = "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln";
                break;
            default:
                token = "not-a-jwt";
                break;
        }

        using var response = await GetAsync(_factory!, "/v1/violations", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OnCloudRunWithoutAllowlist_AnyVerifiedCallerPassesButTokensAreStillRequired()
    {
        await using var factory = Host(new() { ["K_SERVICE"] = "history" });

        using var anonymous = await GetAsync(factory, "/v1/violations", null);
        using var verified = await GetAsync(factory, "/v1/violations", Jwks.Mint(Claims("anyone@example.org")));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    [InlineData("https://localhost", HttpStatusCode.OK)]
    [InlineData(Enforcer.Hosting.Auth.CallerAuthentication.GcloudAudience, HttpStatusCode.OK)]
    [InlineData("https://some-other-service.run.app", HttpStatusCode.Unauthorized)]
    public async Task NoConfiguredAudience_AcceptsTheRequestOriginAndGcloud(string audience, HttpStatusCode expected)
    {
        await using var factory = Host(new() { ["ENFORCER_HISTORY_AUDIENCES"] = string.Empty, ["ENFORCER_HISTORY_AUTH"] = "token" });
        var claims = Claims("alice@example.com");
        claims["aud"] = audience;

        using var response = await GetAsync(factory, "/v1/violations", Jwks.Mint(claims));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, "ENFORCER_HISTORY_AUTH=none")]
    [InlineData("none", "user:alice@example.com", "contradicts")]
    [InlineData("open", null, "must be 'token' or 'none'")]
    [InlineData("token", "alice", "is not an email")]
    public async Task Misconfiguration_StopsStartUpWithTheVariableName(string? mode, string? allowlist, string message)
    {
        var settings = new Dictionary<string, string> { ["ENFORCER_HISTORY_AUTH"] = mode ?? string.Empty, ["ENFORCER_HISTORY_ALLOWED_PRINCIPALS"] = allowlist ?? string.Empty };
        await using var factory = Host(settings);

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortPageTokenKey_StopsStartUp()
    {
        await using var factory = Host(new() { ["ENFORCER_HISTORY_AUTH"] = "none", ["ENFORCER_HISTORY_ALLOWED_PRINCIPALS"] = string.Empty, [HistoryApp.PageTokenKeyVariable] = "short" });

        var error = Record.Exception(() => factory.CreateClient());

        Assert.Contains("ENFORCER_PAGE_TOKEN_KEY must be at least 32 bytes", error?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_AreFetchedOnceAndCached()
    {
        var before = Jwks.Fetches;
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAsync(_factory!, "/v1/events", Jwks.Mint(Claims("alice@example.com")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(Jwks.Fetches - before <= 1, $"fetched {Jwks.Fetches - before} times");
    }
}
