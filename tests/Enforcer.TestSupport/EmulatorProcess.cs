using System.Diagnostics;
using System.Runtime.Loader;

namespace Enforcer.TestSupport;

/// <summary>
/// An emulator started in its own session through setsid, so the wrapper script, the Java server it
/// spawns and any process group gcloud creates inside the session are stopped together. A watchdog shell in the group also ends the group
/// when the test process dies without running its exit hooks (e.g. SIGKILL).
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    // $1 = test process id, $2 = log file, rest = the emulator command. The emulator runs in the
    // background so the shell can watch both it and the test process; when either is gone the shell
    // terminates the group, with a delayed SIGKILL (immune to the TERM) for anything that lingers.
    private const string WatchdogScript = """
        parent="$1"; log="$2"; shift 2
        "$@" </dev/null >>"$log" 2>&1 &
        child=$!
        while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
        # gcloud puts itself in a new process group of this session: signal every group of the session.
        groups() { ps -o pgid= -s "$$" 2>/dev/null | sort -u; }
        ( trap '' TERM; sleep 5; for g in $(groups); do kill -KILL -"$g" 2>/dev/null; done ) &
        for g in $(groups); do [ "$g" != "$$" ] && kill -TERM -"$g" 2>/dev/null; done
        kill -TERM 0
        """;

    private static readonly Lock LiveLock = new();
    private static readonly HashSet<EmulatorProcess> Live = [];
    private static bool _hooksRegistered;

    private readonly Process _process;
    private int _stopped;

    private EmulatorProcess(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        ProcessGroupId = process.Id;
    }

    public string Name { get; }

    /// <summary>The process group (and session) id: the watchdog shell's pid.</summary>
    public int ProcessGroupId { get; }

    /// <summary>Where the emulator's stdout and stderr go.</summary>
    public string LogPath { get; }

    /// <summary>True once the watchdog shell has exited (it exits when the emulator does).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> in a new session, stdin from
    /// /dev/null. The group ends itself once <paramref name="watchedProcessId"/> (default: this process) is gone.
    /// </summary>
    public static EmulatorProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string logPath,
        IReadOnlyDictionary<string, string>? environment = null,
        int? watchedProcessId = null)
    {
        RegisterExitHooks();
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.WriteAllText(logPath, "");
        var start = new ProcessStartInfo(FindSetsid())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(WatchdogScript);
        start.ArgumentList.Add("emulator-watchdog");
        start.ArgumentList.Add((watchedProcessId ?? Environment.ProcessId).ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(logPath);
        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // Nothing may ever wait on our stdin: components prompts must fail fast, not hang.
        process.StandardInput.Close();

        // setsid only forks when its caller leads a process group, which a fresh child never does,
        // so the shell keeps the pid and becomes the leader of a new group with that id, once the
        // child has got as far as calling setsid(): wait for that.
        var group = ProcessGroups.GroupOf(process.Id);
        var clock = Stopwatch.StartNew();
        while (group is not null && group != process.Id && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(5);
            group = ProcessGroups.GroupOf(process.Id);
        }

        if (group is not null && group != process.Id)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{name}: expected a new process group {process.Id}, got {group}.");
        }

        var emulator = new EmulatorProcess(name, process, logPath);
        lock (LiveLock)
        {
            Live.Add(emulator);
        }

        return emulator;
    }

    /// <summary>Ids of the session's processes still running (the Java server among them while it lives).</summary>
    public IReadOnlyList<int> LiveProcessIds() => ProcessGroups.LiveSessionMembers(ProcessGroupId).Select(m => m.Pid).ToArray();

    private void SignalSession(int signal)
    {
        // Every process group in the session: ours, plus any gcloud made for itself.
        foreach (var group in ProcessGroups.LiveSessionMembers(ProcessGroupId).Select(m => m.Group).Append(ProcessGroupId).Distinct())
        {
            _ = NativeMethods.Kill(-group, signal);
        }
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string ReadLogTail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>SIGTERM to the session's groups, then SIGKILL after <paramref name="grace"/> if anything is still running.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        SignalSession(NativeMethods.SigTerm);
        var deadline = Stopwatch.StartNew();
        while (LiveProcessIds().Count > 0 && deadline.Elapsed < grace)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        if (LiveProcessIds().Count > 0)
        {
            SignalSession(NativeMethods.SigKill);
            deadline.Restart();
            while (LiveProcessIds().Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }

        Forget();
    }

    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);

    private void Forget()
    {
        lock (LiveLock)
        {
            Live.Remove(this);
        }

        _process.Dispose();
    }

    /// <summary>Synchronous stop for process-exit hooks, where awaiting is not possible.</summary>
    private void StopNow()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        SignalSession(NativeMethods.SigTerm);
        var deadline = Stopwatch.StartNew();
        while (LiveProcessIds().Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(2))
        {
            Thread.Sleep(50);
        }

        SignalSession(NativeMethods.SigKill);
    }

    private static void RegisterExitHooks()
    {
        lock (LiveLock)
        {
            if (_hooksRegistered)
            {
                return;
            }

            _hooksRegistered = true;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        AssemblyLoadContext.Default.Unloading += _ => StopAll();
    }

    private static void StopAll()
    {
        EmulatorProcess[] remaining;
        lock (LiveLock)
        {
            remaining = [.. Live];
            Live.Clear();
        }

        foreach (var emulator in remaining)
        {
            emulator.StopNow();
        }
    }

    private static string FindSetsid()
    {
        foreach (var candidate in new[] { "/usr/bin/setsid", "/bin/setsid" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "setsid";
    }
}
