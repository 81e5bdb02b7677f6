using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Tests.Notifications;

/// <summary>One log call seen by <see cref="RecordingLogger{T}"/>.</summary>
internal sealed record LoggedEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields);
