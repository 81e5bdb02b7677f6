using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcer.Hosting.Auth;

/// <summary>
/// Caller checks for an HTTP function: every path except the health checks needs a verified Google identity token
/// in "Authorization: Bearer" (401 without one or with an invalid one) and, when an allowlist is configured, a
/// verified email on it (403 otherwise). In <see cref="CallerAuthMode.None"/> nothing is checked.
/// </summary>
public static partial class CallerAuthentication
{
    /// <summary>Paths that stay open: Cloud Run's probes call them without a token.</summary>
    public static readonly IReadOnlyList<string> OpenPaths = ["/health", "/healthz"];

    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services, CallerAuthOptions options)
    {
        services.AddSingleton(options);
        if (options.Mode == CallerAuthMode.Token)
        {
            services.AddSingleton(provider => new JsonWebKeySource(
                new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, options.JwksUrl, provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton(provider => new IdentityTokenVerifier(
                provider.GetRequiredService<JsonWebKeySource>(), options, provider.GetRequiredService<TimeProvider>()));
        }

        return services;
    }

    public static WebApplication UseCallerAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<CallerAuthOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Enforcer.Auth");
        if (options.Mode == CallerAuthMode.None)
        {
            LogOpen(logger, CallerAuthOptions.ModeVariable);
            return app;
        }

        var verifier = app.Services.GetRequiredService<IdentityTokenVerifier>();
        app.Use(async (context, next) =>
        {
            if (OpenPaths.Contains(context.Request.Path.Value ?? string.Empty, StringComparer.Ordinal))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "an identity token is required (Authorization: Bearer TOKEN)").ConfigureAwait(false);
                return;
            }

            var verification = await verifier.VerifyAsync(header[7..].Trim(), AudiencesFor(options, context.Request), context.RequestAborted).ConfigureAwait(false);
            if (verification.Caller is not { } caller)
            {
                LogRefused(logger, 401, verification.Error!);
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, verification.Error!).ConfigureAwait(false);
                return;
            }

            if (!options.Allowlist.IsEmpty && (caller.Email is null || !caller.EmailVerified || !options.Allowlist.Allows(caller.Email)))
            {
                var who = caller.Email ?? "subject " + caller.Subject;
                LogRefused(logger, 403, who + " is not on the allowlist");
                await RefuseAsync(context, StatusCodes.Status403Forbidden, $"{who} may not call this API ({CallerAuthOptions.AllowedPrincipalsVariable})").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>
    /// The audience of the identity tokens <c>gcloud auth print-identity-token</c> prints for user accounts (the gcloud
    /// client's id), which Cloud Run IAM accepts; accepted by default so people can call from their workstations.
    /// </summary>
    public const string GcloudAudience = "32555940559.apps.googleusercontent.com";

    /// <summary>The configured audiences, or the origin the request was addressed to (Cloud Run's default audience) and gcloud's.</summary>
    private static string[] AudiencesFor(CallerAuthOptions options, HttpRequest request)
    {
        if (options.Audiences.Count > 0)
        {
            return [.. options.Audiences];
        }

        var host = request.Host.Value ?? string.Empty;
        return ["https://" + host, "https://" + host + "/", request.Scheme + "://" + host, GcloudAudience];
    }

    private static Task RefuseAsync(HttpContext context, int status, string reason)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return Results.Json(new ErrorResponse(reason), HostingJsonContext.Default.ErrorResponse, statusCode: status).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Caller checks are off ({Variable}=none): anyone who can reach this host can read it")]
    private static partial void LogOpen(ILogger logger, string variable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a caller with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);
}
