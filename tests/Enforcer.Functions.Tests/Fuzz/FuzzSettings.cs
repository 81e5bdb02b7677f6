using System.Globalization;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>
/// How big a fuzz run is and which requests it makes. ENFORCER_FUZZ_COUNT is the number of requests
/// per event host (default 5,000: 10,000 over Evaluate and Remediate); ENFORCER_FUZZ_SEED picks the
/// requests (default fixed, so CI runs are the same; "random" draws one, printed with the results).
/// </summary>
internal sealed record FuzzSettings(int Count, int Seed)
{
    public const string CountVariable = "ENFORCER_FUZZ_COUNT";
    public const string SeedVariable = "ENFORCER_FUZZ_SEED";
    public const int DefaultCount = 5_000;
    public const int DefaultSeed = 20_261_123;

    public static FuzzSettings FromEnvironment()
    {
        var countText = Environment.GetEnvironmentVariable(CountVariable);
        var count = string.IsNullOrEmpty(countText) ? DefaultCount : int.Parse(countText, CultureInfo.InvariantCulture);
        var seedText = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = seedText switch
        {
            null or "" => DefaultSeed,
            "random" => Random.Shared.Next(),
            _ => int.Parse(seedText, CultureInfo.InvariantCulture),
        };
        return new FuzzSettings(count, seed);
    }
}
