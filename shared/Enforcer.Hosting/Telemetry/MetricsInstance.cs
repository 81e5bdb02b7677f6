using System.Security.Cryptography;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// This process's instance id. One per process (not per host): hosts sharing a process share one set of
/// instruments, so they must count as one instance or History would add the same measurements twice.
/// </summary>
public static class MetricsInstance
{
    public static string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
