using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcer.Functions.Tests.History;

/// <summary>
/// A loopback server publishing a JSON Web Key Set, as Google's certs endpoint does, with a locally generated RSA
/// key; and a minter of RS256 identity tokens signed by that key (or by one it does not publish).
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    public const string KeyId = "test-key-1";

    private readonly WebApplication _app;

    private JwksServer(WebApplication app, RSA key)
    {
        _app = app;
        Key = key;
    }

    public RSA Key { get; }

    /// <summary>A key with a published id's name but not the published material: its signatures must fail.</summary>
    public RSA Impostor { get; } = RSA.Create(2048);

    public Uri JwksUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/certs");

    public int Fetches { get; private set; }

    public static async Task<JwksServer> StartAsync()
    {
        var key = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new JwksServer(app, key);
        var parameters = key.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["alg"] = "RS256", ["use"] = "sig", ["kid"] = KeyId,
                    ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!),
                },
            },
        });
        app.MapGet("/certs", (HttpContext context) =>
        {
            server.Fetches++;
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(jwks, "application/json");
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>An RS256 JWT with the given claims (values: string, long, bool), signed by <paramref name="signer"/> (default: the published key).</summary>
    public string Mint(IReadOnlyDictionary<string, object> claims, RSA? signer = null, string keyId = KeyId, string algorithm = "RS256")
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = algorithm, ["kid"] = keyId, ["typ"] = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = (signer ?? Key).SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Key.Dispose();
        Impostor.Dispose();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
