namespace Enforcer.FakeGoogle;

// The next Remaining calls whose host/path contains PathContains get Status (and an optional Google error body).
internal sealed class FakeFault(string pathContains, int status, int remaining, string? body)
{
    public string PathContains { get; } = pathContains;

    public int Status { get; } = status;

    public int Remaining { get; set; } = remaining;

    public string? Body { get; } = body;
}
