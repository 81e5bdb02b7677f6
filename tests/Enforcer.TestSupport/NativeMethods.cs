using System.Runtime.InteropServices;

namespace Enforcer.TestSupport;

/// <summary>POSIX process-group signalling (Linux only; the emulators only run there).</summary>
internal static partial class NativeMethods
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>kill(2); a negative pid addresses the whole process group.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
