using System.Net;
using Enforcer.Enforcement.Remediation;
using Enforcer.Google.PubSub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Notifications;

/// <summary>Registers the notification sinks the environment configures (see <see cref="NotificationSettings"/>).</summary>
public static class NotificationRegistration
{
    /// <summary>
    /// Registers <see cref="IFindingSink"/>: a composite of the Slack sink (SLACK_WEBHOOK_URL) and the findings-topic
    /// sink (ENFORCER_FINDINGS_TOPIC), or <see cref="NullFindingSink"/> when neither is set. Needs a
    /// <see cref="TimeProvider"/> and logging in the container; uses a registered <see cref="PubSubPublisher"/> or
    /// connects one for the environment.
    /// </summary>
    public static IServiceCollection AddFindingSinks(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = NotificationSettings.Read(configuration);
        services.TryAddSingleton(settings);
        AddSlackClient(services, settings);
        services.TryAddSingleton<IFindingSink>(provider =>
        {
            var sinks = new List<IFindingSink>();
            if (provider.GetService<SlackWebhookClient>() is { } slack)
            {
                sinks.Add(new SlackFindingSink(slack, settings.SlackSeverity, settings.HistoryUrl));
            }

            if (settings.FindingsTopic is { } topic)
            {
                var publisher = provider.GetService<PubSubPublisher>() ?? ConnectPublisher(configuration, topic);
                sinks.Add(new PubSubFindingSink(
                    publisher,
                    new PubSubFindingSinkOptions(topic),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<PubSubFindingSink>>()));
            }

            if (sinks.Count == 0)
            {
                return NullFindingSink.Instance;
            }

            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<CompositeFindingSink>();
            return new CompositeFindingSink(sinks, (sink, e) => logger.LogError(e, "Finding sink {FindingSink} failed unexpectedly", sink.GetType().Name));
        });
        return services;
    }

    /// <summary>
    /// Registers <see cref="IAlertSink"/> as <see cref="LoggingAlertSink"/>: an ERROR log line per alert, and a Slack
    /// message when SLACK_WEBHOOK_URL is set.
    /// </summary>
    public static IServiceCollection AddAlertSinks(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = NotificationSettings.Read(configuration);
        services.TryAddSingleton(settings);
        AddSlackClient(services, settings);
        services.TryAddSingleton<IAlertSink>(provider => new LoggingAlertSink(
            provider.GetRequiredService<ILogger<LoggingAlertSink>>(),
            provider.GetService<SlackWebhookClient>(),
            settings.HistoryUrl));
        return services;
    }

    private static void AddSlackClient(IServiceCollection services, NotificationSettings settings)
    {
        if (settings.SlackWebhookUrl is not { } webhook)
        {
            return;
        }

        services.TryAddSingleton(provider => new SlackWebhookClient(
            CreateHttpClient(),
            new SlackWebhookOptions(webhook),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SlackWebhookClient>>()));
    }

    // One client for the process; attempts carry their own timeouts, and pooled connections are recycled so DNS changes are seen.
    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static PubSubPublisher ConnectPublisher(IConfiguration configuration, string topic)
    {
        // A full topic name carries its project, so the findings topic works even without GOOGLE_CLOUD_PROJECT.
        var parts = topic.Split('/');
        var project = configuration["GOOGLE_CLOUD_PROJECT"] ?? (parts.Length == 4 ? parts[1] : null);
        var options = PubSubClientOptions.FromEnvironment(project, name => configuration[name]);
        // ConnectAsync only resolves credentials; blocking once at start-up keeps DI synchronous.
        return PubSubPublisher.ConnectAsync(options).GetAwaiter().GetResult();
    }
}
