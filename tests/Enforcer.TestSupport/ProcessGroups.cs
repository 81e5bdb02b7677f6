using System.Globalization;

namespace Enforcer.TestSupport;

/// <summary>Reads /proc to find which processes belong to a process group or a session.</summary>
public static class ProcessGroups
{
    /// <summary>Ids of the group's processes that are still running (zombies excluded: they hold no resources).</summary>
    public static IReadOnlyList<int> LiveMembers(int processGroupId) => Live(processGroupId, session: false);

    /// <summary>
    /// Running processes of a session with the process group of each. gcloud moves itself into a new
    /// process group (but not a new session), so a session is what contains everything an emulator started.
    /// </summary>
    public static IReadOnlyList<(int Pid, int Group)> LiveSessionMembers(int sessionId)
    {
        var members = new List<(int, int)>();
        foreach (var pid in Live(sessionId, session: true))
        {
            if (GroupOf(pid) is { } group)
            {
                members.Add((pid, group));
            }
        }

        return members;
    }

    private static List<int> Live(int id, bool session)
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (TryReadStat(pid, out var state, out var group, out var sessionId) && (session ? sessionId : group) == id && state != 'Z' && state != 'X')
            {
                members.Add(pid);
            }
        }

        return members;
    }

    /// <summary>The process group of <paramref name="pid"/>, or null when the process is gone.</summary>
    public static int? GroupOf(int pid) => TryReadStat(pid, out _, out var group, out _) ? group : null;

    /// <summary>The command line of a process, for diagnostics ("" when gone).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static bool TryReadStat(int pid, out char state, out int group, out int session)
    {
        state = '?';
        group = -1;
        session = -1;
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        // "pid (comm) state ppid pgrp session ...": comm may contain spaces and parentheses, so parse after the last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return false;
        }

        var fields = stat[(close + 2)..].Split(' ');
        if (fields.Length < 4)
        {
            return false;
        }

        state = fields[0][0];
        return int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out group)
            && int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out session);
    }
}
