using System.Globalization;

namespace Enforcer.ColdStart;

/// <summary>Resident memory of a process from /proc/PID/status: now (VmRSS) and its peak so far (VmHWM), in KiB.</summary>
internal readonly record struct ProcStatus(long RssKiB, long PeakRssKiB)
{
    public static ProcStatus? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return null;
        }

        long rss = -1, peak = -1;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line);
            }
        }

        return rss < 0 || peak < 0 ? null : new ProcStatus(rss, peak);
    }

    private static long Kib(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
