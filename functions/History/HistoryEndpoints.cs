using System.Text.Json.Serialization.Metadata;
using Enforcer.Core.History;
using Enforcer.Core.Storage;
using Enforcer.Hosting;
using Enforcer.Hosting.Auth;
using Enforcer.Hosting.Storage;
using Enforcer.Policies;

namespace Enforcer.Functions.History;

/// <summary>The History API's routes: each decodes the request, calls <see cref="HistoryService"/> and maps the outcome.</summary>
internal static partial class HistoryEndpoints
{
    public static WebApplication MapHistoryApi(this WebApplication app)
    {
        // A store outage is the caller's cue to retry, not a server bug.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex) when (!context.Response.HasStarted)
            {
                app.Logger.LogWarning(ex, "Store unavailable for {Path}", context.Request.Path.Value);
                await Results.Json(new ErrorResponse("the store is unavailable; retry later"), statusCode: StatusCodes.Status503ServiceUnavailable,
                    jsonTypeInfo: HistoryHostJsonContext.Default.ErrorResponse).ExecuteAsync(context).ConfigureAwait(false);
            }
        });

        app.MapGet("/v1/events", (HttpContext c, HistoryService s) => Answer(c, s.ListEventsAsync(Parameters(c), c.RequestAborted), HistoryJsonContext.Default.EventListResponse));
        app.MapGet("/v1/events/{id}", GetEventAsync);
        app.MapGet("/v1/violations", (HttpContext c, HistoryService s) => Answer(c, s.ListViolationsAsync(Parameters(c), c.RequestAborted), HistoryJsonContext.Default.ViolationListResponse));
        app.MapGet("/v1/violations/{id}", (HttpContext c, HistoryService s, string id) =>
            NoParameters(c) ?? Answer(c, s.GetViolationAsync(id, c.RequestAborted), HistoryJsonContext.Default.ViolationDetailResponse));
        app.MapGet("/v1/remediations", (HttpContext c, HistoryService s) => Answer(c, s.ListRemediationsAsync(Parameters(c), c.RequestAborted), HistoryJsonContext.Default.RemediationListResponse));
        app.MapGet("/v1/resources/timeline", (HttpContext c, HistoryService s) => Answer(c, s.TimelineAsync(Parameters(c), c.RequestAborted), HistoryJsonContext.Default.TimelineResponse));
        app.MapGet("/v1/summary", (HttpContext c, HistoryService s) => Answer(c, s.SummarizeAsync(Parameters(c), c.RequestAborted), HistoryJsonContext.Default.SummaryResponse));
        app.MapGet("/policies", ListPoliciesAsync);
        app.MapGet("/config", Config);
        return app;
    }

    private static QueryParameters Parameters(HttpContext context) =>
        new(context.Request.Query.Select(q => new KeyValuePair<string, string?[]>(q.Key, [.. q.Value])));

    private static Task<IResult>? NoParameters(HttpContext context) =>
        Parameters(context).Check([]) is { } error ? Task.FromResult(ErrorResults.BadRequest(error)) : null;

    private static async Task<IResult> Answer<T>(HttpContext context, Task<HistoryResult<T>> pending, JsonTypeInfo<T> type)
        where T : class
    {
        var result = await pending.ConfigureAwait(false);
        return result.Failure switch
        {
            HistoryFailure.None => Results.Json(result.Value, type),
            HistoryFailure.NotFound => ErrorResults.NotFound(result.Reason!),
            _ => Invalid(context, result.Reason!),
        };
    }

    private static IResult Invalid(HttpContext context, string reason)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Enforcer.History");
        LogRejected(logger, context.Request.Path, reason);
        return ErrorResults.BadRequest(reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, PathString path, string reason);

    private static async Task<IResult> GetEventAsync(HttpContext context, HistoryService service, string id)
    {
        if (Parameters(context).Check([]) is { } error)
        {
            return ErrorResults.BadRequest(error);
        }

        if (id.Length is 0 or > 256 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return Invalid(context, "event id is malformed");
        }

        var record = await service.GetEventAsync(id, context.RequestAborted).ConfigureAwait(false);
        return record is null ? ErrorResults.NotFound($"no event with id '{id}'") : Results.Json(record, HistoryJsonContext.Default.EventRecord);
    }

    private static async Task<IResult> ListPoliciesAsync(HttpContext context, PolicyEngineProvider provider)
    {
        if (Parameters(context).Check([]) is { } error)
        {
            return ErrorResults.BadRequest(error);
        }

        var listing = await provider.Engine.ListPoliciesAsync(context.RequestAborted).ConfigureAwait(false);
        if (listing.Error is { } failure)
        {
            return Results.Json(new ErrorResponse("the policy engine could not list policies: " + failure.Message), HistoryHostJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var policies = listing.Policies.Select(p => new PolicyView(
            p.Id, p.Title, p.Description, p.AppliesTo, PolicyJson.SeverityName(p.Severity), p.ErrorCode, p.Remediable, p.Destructive, p.Fix, p.References)).ToList();
        return Results.Json(new PolicyListResponse(provider.Options.Engine, policies.Count, policies), HistoryHostJsonContext.Default.PolicyListResponse);
    }

    private static IResult Config(HttpContext context, IConfiguration configuration, IEnforcerStore store, CallerAuthOptions auth, PageTokenCodec tokens, PolicyEngineProvider engine)
    {
        if (Parameters(context).Check([]) is { } error)
        {
            return ErrorResults.BadRequest(error);
        }

        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in configuration.AsEnumerable())
        {
            if (value is not null && ConfigurationRedactor.IsShown(name))
            {
                environment[name] = ConfigurationRedactor.Redact(name, value);
            }
        }

        var firestore = store is FirestoreEnforcerStore;
        var retention = firestore ? context.RequestServices.GetService<FirestoreStoreOptions>()?.Retention.Days : null;
        var engineSettings = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["engine"] = engine.Options.Engine };
        if (engine.Options.OpaUrl is { } opa)
        {
            engineSettings["opa_url"] = ConfigurationRedactor.Redact("OPA_URL", opa.ToString());
        }

        if (engine.Options.PolicyDirectory is { } dir)
        {
            engineSettings["policy_dir"] = dir;
        }
        else if (engine.Options.Engine == "embedded")
        {
            engineSettings["policy_source"] = "bundle built into this image";
        }

        var authView = new ConfigAuth(
            auth.Mode == CallerAuthMode.None ? "none" : "token",
            auth.Allowlist.Entries,
            auth.Audiences.Count > 0 ? auth.Audiences : ["(the URL each request was addressed to)"],
            auth.Issuers,
            auth.JwksUrl.ToString());
        var response = new ConfigResponse(
            "history", environment, firestore ? "firestore" : "memory", retention, engineSettings, authView, tokens.IsConfigured ? "configured" : "per-process");
        return Results.Json(response, HistoryHostJsonContext.Default.ConfigResponse);
    }
}
