using System.Diagnostics;
using Enforcer.TestSupport;

namespace Enforcer.Google.Tests.Emulators;

public class EmulatorProcessTests(EmulatorFixture emulators)
{
    private static string LogPath(string name) => Path.Combine(Path.GetTempPath(), $"enforcer-process-tests-{Environment.ProcessId}", $"{name}-{Guid.NewGuid():N}.log");

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return true;
    }

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');

    [Fact]
    public void Fixture_RunningEmulators_JavaServersLiveInsideTheirProcessGroups()
    {
        emulators.RequireEmulators();
        TestContext.Current.TestOutputHelper?.WriteLine($"emulators answered after {emulators.StartupTime.TotalSeconds:0.0} s");

        foreach (var process in new[] { emulators.FirestoreProcess!, emulators.PubSubProcess! })
        {
            var members = process.LiveProcessIds();
            Assert.Contains(members, pid => ProcessGroups.CommandLine(pid).StartsWith("java", StringComparison.Ordinal));
            Assert.Contains(process.ProcessGroupId, members);
        }
    }

    [Fact]
    public async Task ClearFirestoreAsync_RemovesOnlyThatProjectsDocuments()
    {
        var cleared = EmulatorFixture.NewProjectId();
        var kept = EmulatorFixture.NewProjectId();
        var a = emulators.CreateFirestoreClient(cleared);
        var b = emulators.CreateFirestoreClient(kept);
        var fields = new Dictionary<string, Google.Firestore.FirestoreValue> { ["n"] = 1 };
        await a.CreateAsync("c/d", fields, TestContext.Current.CancellationToken);
        await b.CreateAsync("c/d", fields, TestContext.Current.CancellationToken);

        await emulators.ClearFirestoreAsync(cleared, TestContext.Current.CancellationToken);

        Assert.Null(await a.GetAsync("c/d", TestContext.Current.CancellationToken));
        Assert.NotNull(await b.GetAsync("c/d", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // gcloud moves itself into a new process group: only a session-wide stop catches it
    public async Task StopAsync_RealPubSubEmulator_LeavesNoJavaProcessBehind(bool viaGcloud)
    {
        emulators.RequirePubSub();
        var started = await EmulatorLauncher.StartAsync(EmulatorKind.PubSub, viaGcloud);
        Assert.True(started.Process is not null, started.FailureReason);
        var java = started.Process.LiveProcessIds().Where(pid => ProcessGroups.CommandLine(pid).StartsWith("java", StringComparison.Ordinal)).ToArray();

        await started.Process.StopAsync(TimeSpan.FromSeconds(5));

        Assert.Single(java);
        Assert.Empty(started.Process.LiveProcessIds());
        Assert.Empty(ProcessGroups.LiveSessionMembers(started.Process.ProcessGroupId));
        Assert.False(IsAlive(java[0]), $"java {java[0]} survived: {ProcessGroups.CommandLine(java[0])}");
    }

    [Fact]
    public async Task StopAsync_ChildIgnoringTerm_IsKilledAfterGrace()
    {
        await using var process = EmulatorProcess.Start("stubborn", "/bin/sh", ["-c", "trap '' TERM; sleep 600 & wait"], LogPath("stubborn"));
        Assert.True(await EventuallyAsync(() => process.LiveProcessIds().Count >= 3, TimeSpan.FromSeconds(5)));

        await process.StopAsync(TimeSpan.FromMilliseconds(300));

        Assert.Empty(process.LiveProcessIds());
    }

    [Fact]
    public async Task Watchdog_WatchedProcessDies_GroupStopsItself()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        await using var process = EmulatorProcess.Start("orphan", "/bin/sh", ["-c", "sleep 600 & wait"], LogPath("orphan"), watchedProcessId: parent.Id);
        Assert.True(await EventuallyAsync(() => process.LiveProcessIds().Count >= 3, TimeSpan.FromSeconds(5)));

        parent.Kill();
        await parent.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(await EventuallyAsync(() => process.LiveProcessIds().Count == 0, TimeSpan.FromSeconds(10)),
            "group still running: " + string.Join(", ", process.LiveProcessIds().Select(ProcessGroups.CommandLine)));
    }

    [Fact]
    public async Task Start_StdinIsClosed_SoPromptsCannotBlock()
    {
        var log = LogPath("stdin");
        await using var process = EmulatorProcess.Start("stdin", "/bin/sh", ["-c", "if read -r line; then echo got-input; else echo eof; fi; sleep 600"], log);

        Assert.True(await EventuallyAsync(() => process.ReadLogTail().Length > 0, TimeSpan.FromSeconds(5)), "no answer to the prompt");
        Assert.Equal("eof", process.ReadLogTail().Trim());
    }
}
