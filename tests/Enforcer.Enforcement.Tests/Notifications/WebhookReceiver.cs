using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Tests.Notifications;

/// <summary>
/// A Slack incoming webhook on loopback (Kestrel on a free port): records every POST body and answers with a
/// scripted reply per request number (1-based), 200 "ok" by default.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _bodies = new();
    private int _requests;

    private WebhookReceiver(WebApplication app, Func<int, HttpContext, Task>? reply)
    {
        _app = app;
        app.MapPost("/services/T000/B000/secret", async context =>
        {
            var number = Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.Body);
            _bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
            if (reply is null)
            {
                await context.Response.WriteAsync("ok", context.RequestAborted);
            }
            else
            {
                await reply(number, context);
            }
        });
    }

    public Uri Url { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<string> Bodies => [.. _bodies];

    /// <summary>Starts a receiver; <paramref name="reply"/> writes the answer to request N (null: always 200).</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, HttpContext, Task>? reply = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(builder.Build(), reply);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/services/T000/B000/secret");
        return receiver;
    }

    /// <summary>Answers with a status and an optional body and Retry-After.</summary>
    public static Task Respond(HttpContext context, int status, string body = "", string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.WriteAsync(body);
    }

    public JsonElement Body(int index) => JsonDocument.Parse(Bodies[index]).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
