namespace Enforcer.Enforcement.Tests.Remediation;

/// <summary>Simulates the process dying while sending the n-th non-GET request: the request never leaves.</summary>
internal sealed class CrashOnNthWrite(int n) : DelegatingHandler(new HttpClientHandler())
{
    private int _writes;

    internal sealed class SimulatedCrash() : Exception("simulated crash");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Method != HttpMethod.Get && Interlocked.Increment(ref _writes) == n
            ? throw new SimulatedCrash()
            : base.SendAsync(request, cancellationToken);
}
