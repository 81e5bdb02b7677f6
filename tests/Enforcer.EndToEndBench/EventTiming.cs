namespace Enforcer.EndToEndBench;

/// <summary>
/// One measured event. <see cref="Latency"/> is Stopwatch time from just before the publish call to the History answer
/// that first showed every violation of the bucket remediated; <see cref="Evaluated"/> to the first answer that showed
/// them all (open or not). The wall-clock instants are only for lining up with the hosts' own timestamps afterwards.
/// </summary>
internal sealed record EventTiming(
    string Bucket,
    string FullName,
    bool Completed,
    TimeSpan Latency,
    TimeSpan? Evaluated,
    TimeSpan PublishCall,
    int Polls,
    DateTimeOffset PublishedAt,
    DateTimeOffset SeenAt,
    string LastSeen);
