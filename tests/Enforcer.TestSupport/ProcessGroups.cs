using System.Globalization;

namespace Enforcer.TestSupport;

/// <summary>Reads /proc to find which processes belong to a process group.</summary>
public static class ProcessGroups
{
    /// <summary>Ids of the group's processes that are still running (zombies excluded: they hold no resources).</summary>
    public static IReadOnlyList<int> LiveMembers(int processGroupId)
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (TryReadStat(pid, out var state, out var group) && group == processGroupId && state != 'Z' && state != 'X')
            {
                members.Add(pid);
            }
        }

        return members;
    }

    /// <summary>The process group of <paramref name="pid"/>, or null when the process is gone.</summary>
    public static int? GroupOf(int pid) => TryReadStat(pid, out _, out var group) ? group : null;

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

    private static bool TryReadStat(int pid, out char state, out int group)
    {
        state = '?';
        group = -1;
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

        // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses, so parse after the last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return false;
        }

        var fields = stat[(close + 2)..].Split(' ');
        if (fields.Length < 3)
        {
            return false;
        }

        state = fields[0][0];
        return int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out group);
    }
}
