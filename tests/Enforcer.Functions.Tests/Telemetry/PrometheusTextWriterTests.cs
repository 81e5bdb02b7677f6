using Enforcer.Hosting.Telemetry;

namespace Enforcer.Functions.Tests.Telemetry;

public sealed class PrometheusTextWriterTests
{
    internal static MetricSample Counter(double value, params (string Key, string Value)[] labels) =>
        new([.. labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new KeyValuePair<string, string>(l.Key, l.Value))], value);

    internal static MetricSample Histogram(double sum, long[] buckets, params (string Key, string Value)[] labels) =>
        Counter(sum, labels) with { Bounds = [0.1, 1], BucketCounts = buckets, Count = buckets.Sum() };

    [Fact]
    public void Write_CountersAndHistograms_ParseStrictlyWithTheirValues()
    {
        var snapshot = new MetricSnapshot(
        [
            new MetricFamily("enforcer_events_received_total", MetricFamily.Counter, "Deliveries processed", [Counter(3, ("function", "evaluate"), ("outcome", "ok")), Counter(1, ("function", "evaluate"), ("outcome", "rejected"))]),
            new MetricFamily("enforcer_processing_duration_seconds", MetricFamily.Histogram, "Time per delivery", [Histogram(1.75, [2, 1, 1], ("function", "evaluate"))]),
            new MetricFamily("enforcer_metrics_instances", MetricFamily.Gauge, "Instances", [Counter(2, ("function", "history"))]),
        ]);

        var parsed = PrometheusExposition.Parse(PrometheusTextWriter.Write(snapshot));

        Assert.Equal("counter", parsed.Families["enforcer_events_received_total"].Type);
        Assert.Equal("Deliveries processed", parsed.Families["enforcer_events_received_total"].Help);
        Assert.Equal(4, parsed.Sum("enforcer_events_received_total", ("function", "evaluate")));
        Assert.Equal(1, parsed.Sum("enforcer_events_received_total", ("outcome", "rejected")));
        Assert.Equal("histogram", parsed.Families["enforcer_processing_duration_seconds"].Type);
        Assert.Equal(2, parsed.Sum("enforcer_processing_duration_seconds_bucket", ("le", "0.1")));
        Assert.Equal(3, parsed.Sum("enforcer_processing_duration_seconds_bucket", ("le", "1")));
        Assert.Equal(4, parsed.Sum("enforcer_processing_duration_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(4, parsed.Sum("enforcer_processing_duration_seconds_count"));
        Assert.Equal(1.75, parsed.Sum("enforcer_processing_duration_seconds_sum"));
        Assert.Equal("gauge", parsed.Families["enforcer_metrics_instances"].Type);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with \"quotes\"")]
    [InlineData("back\\slash")]
    [InlineData("two\nlines")]
    [InlineData("//storage.googleapis.com/a{b}=c,d")]
    [InlineData("")]
    public void Write_AnyLabelValue_RoundTrips(string value)
    {
        var snapshot = new MetricSnapshot([new MetricFamily("x_total", MetricFamily.Counter, "help with \\ and\nnewline", [Counter(1, ("policy", value))])]);

        var parsed = PrometheusExposition.Parse(PrometheusTextWriter.Write(snapshot));

        var sample = Assert.Single(parsed.Families["x_total"].Samples);
        Assert.Equal(value, sample.Labels["policy"]);
        Assert.Equal("help with \\ and\nnewline", parsed.Families["x_total"].Help);
    }

    [Fact]
    public void Write_SpecialValues_UseThePrometheusSpellings()
    {
        var snapshot = new MetricSnapshot([new MetricFamily("g", MetricFamily.Gauge, "h", [Counter(double.PositiveInfinity, ("a", "1")), Counter(double.NaN, ("a", "2")), Counter(1e-7, ("a", "3"))])]);

        var text = PrometheusTextWriter.Write(snapshot);

        Assert.Contains("g{a=\"1\"} +Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("g{a=\"2\"} NaN\n", text, StringComparison.Ordinal);
        Assert.Equal(1e-7, PrometheusExposition.Parse(text).Sum("g", ("a", "3")));
    }

    [Theory]
    [InlineData("metric 1", "line feed")]
    [InlineData("1metric 1\n", "not a valid metric name")]
    [InlineData("m{1a=\"x\"} 1\n", "not a valid label name")]
    [InlineData("m{a=x} 1\n", "not quoted")]
    [InlineData("m{a=\"x} 1\n", "unterminated")]
    [InlineData("m{a=\"\\t\"} 1\n", "unknown escape")]
    [InlineData("m  1\n", "expected a value")]
    [InlineData("m one\n", "not a number")]
    [InlineData("m 1\nm 2\n", "duplicate series")]
    [InlineData("a 1\nb 1\na{x=\"1\"} 1\n", "not together")]
    [InlineData("# TYPE m counter\n# TYPE m counter\nm 1\n", "TYPE for m")]
    [InlineData("# TYPE m counter\nm -1\n", "negative")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", "+Inf")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n", "grow")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n", "_count")]
    public void Parser_MalformedExposition_IsRejected(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PrometheusExposition.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enforcer.events.received", "{event}", true, "enforcer_events_received_total")]
    [InlineData("enforcer.processing.duration", "s", false, "enforcer_processing_duration_seconds")]
    [InlineData("enforcer.decisions", "{decision}", true, "enforcer_decisions_total")]
    [InlineData("http.server.request.body.size", "By", false, "http_server_request_body_size_bytes")]
    [InlineData("queue-depth", null, false, "queue_depth")]
    [InlineData("jobs_total", "", true, "jobs_total")]
    public void Metric_OpenTelemetryName_BecomesThePrometheusName(string instrument, string? unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusNames.Metric(instrument, unit, counter));
}
