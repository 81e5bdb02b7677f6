namespace Enforcer.TestSupport;

/// <summary>A started emulator (process and "127.0.0.1:PORT" host) or the reason it is unavailable.</summary>
public sealed record EmulatorStartResult(EmulatorProcess? Process, string? Host, string? FailureReason);
