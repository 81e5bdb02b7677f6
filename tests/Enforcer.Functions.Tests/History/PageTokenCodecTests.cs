using Enforcer.Core.History;

namespace Enforcer.Functions.Tests.History;

public sealed class PageTokenCodecTests
{
    private static readonly PageTokenCodec Codec = new("0123456789abcdef0123456789abcdef"u8);
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 15, TimeSpan.Zero);

    [Fact]
    public void EncodeDecode_RoundTripsEveryPosition()
    {
        var fingerprint = PageTokenCodec.Fingerprint([new("name", "//x/y")]);
        IReadOnlyList<PageTokenPosition> positions = [PageTokenPosition.After(At.AddTicks(3), "evt-1"), PageTokenPosition.NotStarted, PageTokenPosition.Exhausted];

        var (decoded, error) = Codec.Decode(Codec.Encode("timeline", fingerprint, positions), "timeline", fingerprint, 3);

        Assert.Null(error);
        Assert.Equal(positions, decoded);
        Assert.Equal((At.AddTicks(3), "evt-1"), decoded![0].Cursor);
        Assert.Null(decoded[1].Cursor);
    }

    [Fact]
    public void Fingerprint_IgnoresOrderAndAbsentFilters_ButNotValues()
    {
        Assert.Equal(
            PageTokenCodec.Fingerprint([new("a", "1"), new("b", "2"), new("c", null)]),
            PageTokenCodec.Fingerprint([new("b", "2"), new("a", "1")]));
        Assert.NotEqual(PageTokenCodec.Fingerprint([new("a", "1")]), PageTokenCodec.Fingerprint([new("a", "2")]));
    }

    [Fact]
    public void Decode_AnotherKeyOrListingOrSourceCount_IsRefused()
    {
        var token = Codec.Encode("violations", "f", [PageTokenPosition.After(At, "v-1")]);

        Assert.Contains("not valid here", new PageTokenCodec("another-key-another-key-another-key!"u8).Decode(token, "violations", "f", 1).Error, StringComparison.Ordinal);
        Assert.Contains("different query", Codec.Decode(token, "remediations", "f", 1).Error, StringComparison.Ordinal);
        Assert.Contains("different query", Codec.Decode(token, "violations", "g", 1).Error, StringComparison.Ordinal);
        Assert.Contains("malformed", Codec.Decode(token, "violations", "f", 3).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.")]
    [InlineData("a$b.c")]
    public void Decode_Garbage_IsMalformed(string token)
    {
        Assert.Equal("page_token is malformed", Codec.Decode(token, "violations", "f", 1).Error);
    }

    [Fact]
    public void FromConfiguration_ShortKeyIsAnErrorAndAbsentKeyIsPerProcess()
    {
        Assert.NotNull(PageTokenCodec.FromConfiguration("short").Error);
        Assert.False(PageTokenCodec.FromConfiguration(null).Codec!.IsConfigured);
        Assert.True(PageTokenCodec.FromConfiguration(new string('k', 32)).Codec!.IsConfigured);
    }
}
