using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// Metrics settings: ENFORCER_METRICS_EXPORT_SECONDS (how often an instance stores its snapshot, default 60) and
/// ENFORCER_METRICS_RETENTION_HOURS (how long a stored snapshot keeps counting after its last write, default 24).
/// </summary>
public sealed record MetricsOptions(string Function, TimeSpan ExportInterval, TimeSpan Retention)
{
    public const string ExportSecondsVariable = "ENFORCER_METRICS_EXPORT_SECONDS";
    public const string RetentionHoursVariable = "ENFORCER_METRICS_RETENTION_HOURS";
    public const int DefaultExportSeconds = 60;
    public const int DefaultRetentionHours = 24;

    /// <summary>History's /metrics sums every instance of every function; the others show their own process.</summary>
    public bool ServesAllInstances => Function == "history";

    public static MetricsOptions Read(IConfiguration configuration, string function) => new(
        function,
        TimeSpan.FromSeconds(PositiveWhole(configuration, ExportSecondsVariable, DefaultExportSeconds)),
        TimeSpan.FromHours(PositiveWhole(configuration, RetentionHoursVariable, DefaultRetentionHours)));

    private static int PositiveWhole(IConfiguration configuration, string variable, int fallback)
    {
        var text = configuration[variable];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{variable} must be a positive whole number, not '{text}'");
    }
}
