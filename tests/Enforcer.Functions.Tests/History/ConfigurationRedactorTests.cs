using Enforcer.Core.History;

namespace Enforcer.Functions.Tests.History;

public sealed class ConfigurationRedactorTests
{
    [Theory]
    [InlineData("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/x", "[redacted]")]
    [InlineData("ENFORCER_PAGE_TOKEN_KEY", "abc", "[redacted]")]
    [InlineData("ENFORCER_API_TOKEN", "abc", "[redacted]")]
    [InlineData("ENFORCER_DB_PASSWORD", "abc", "[redacted]")]
    [InlineData("ENFORCER_CLIENT_SECRET", "abc", "[redacted]")]
    [InlineData("GOOGLE_APPLICATION_CREDENTIALS", "/keys/sa.json", "[redacted]")]
    [InlineData("ENFORCER_SIGNING_KEY", "", "")]
    [InlineData("OPA_URL", "https://user:pw@opa.example", "https://[redacted]@opa.example")]
    [InlineData("OPA_URL", "https://opa-xyz.a.run.app", "https://opa-xyz.a.run.app")]
    [InlineData("ENFORCER_SINKS", "https://a.example?sig=x,https://b.example?api_key=y&z=1", "https://a.example?sig=[redacted],https://b.example?api_key=[redacted]&z=1")]
    [InlineData("ENFORCER_RETENTION_DAYS", "90", "90")]
    public void Redact_HidesSecretsOnly(string name, string value, string shown)
    {
        Assert.Equal(shown, ConfigurationRedactor.Redact(name, value));
    }

    [Theory]
    [InlineData("ENFORCER_ENFORCE", true)]
    [InlineData("OPA_URL", true)]
    [InlineData("SLACK_WEBHOOK_URL", true)]
    [InlineData("PATH", false)]
    [InlineData("HOME", false)]
    [InlineData("AWS_SECRET_ACCESS_KEY", false)]
    public void IsShown_EnforcerVariablesAndKnownOnes(string name, bool shown)
    {
        Assert.Equal(shown, ConfigurationRedactor.IsShown(name));
    }
}
