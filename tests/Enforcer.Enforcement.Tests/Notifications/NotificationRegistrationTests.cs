using Enforcer.Enforcement.Notifications;
using Enforcer.Enforcement.Remediation;
using Enforcer.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcer.Enforcement.Tests.Notifications;

public sealed class NotificationRegistrationTests
{
    [Fact]
    public void AddFindingSinks_NothingConfigured_RegistersTheNoOpSink()
    {
        using var provider = Build(s => s.AddFindingSinks(Configuration([])));

        Assert.Same(NullFindingSink.Instance, provider.GetRequiredService<IFindingSink>());
    }

    [Fact]
    public void AddFindingSinks_SlackAndTopic_RegistersBothInAComposite()
    {
        var configuration = Configuration(new()
        {
            ["SLACK_WEBHOOK_URL"] = "https://hooks.slack.example/services/T/B/x",
            ["ENFORCER_SLACK_SEVERITY"] = "medium",
            ["ENFORCER_FINDINGS_TOPIC"] = "projects/acme-sec/topics/enforcer-findings",
            ["PUBSUB_EMULATOR_HOST"] = "127.0.0.1:9",
        });
        using var provider = Build(s => s.AddFindingSinks(configuration));

        var composite = Assert.IsType<CompositeFindingSink>(provider.GetRequiredService<IFindingSink>());
        Assert.Equal(PolicySeverity.Medium, Assert.Single(composite.Sinks.OfType<SlackFindingSink>()).Threshold);
        Assert.Single(composite.Sinks.OfType<PubSubFindingSink>());
    }

    [Theory]
    [InlineData("ENFORCER_SLACK_SEVERITY", "SEVERE")]
    [InlineData("SLACK_WEBHOOK_URL", "not a url")]
    [InlineData("ENFORCER_HISTORY_URL", "ftp://history")]
    [InlineData("ENFORCER_FINDINGS_TOPIC", "projects/p/subscriptions/s")]
    public void AddFindingSinks_InvalidSetting_StopsStartupNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddFindingSinks(Configuration(new() { [variable] = value })));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFindingSinks_InvalidWebhook_DoesNotEchoTheSecret()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddFindingSinks(Configuration(new() { ["SLACK_WEBHOOK_URL"] = "hooks/T/B/s3cr3t" })));

        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAlertSinks_WithWebhook_LogsAndPostsAlerts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var configuration = Configuration(new() { ["SLACK_WEBHOOK_URL"] = receiver.Url.AbsoluteUri });
        using var provider = Build(s => s.AddAlertSinks(configuration).AddFindingSinks(configuration));

        var alerts = Assert.IsType<LoggingAlertSink>(provider.GetRequiredService<IAlertSink>());
        await alerts.RaiseAsync(new Alert("dead_letter", "//r", "p", "gave up", Findings.At), TestContext.Current.CancellationToken);

        Assert.Equal(1, receiver.Requests);
        Assert.IsType<CompositeFindingSink>(provider.GetRequiredService<IFindingSink>());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        register(services);
        return services.BuildServiceProvider();
    }
}
