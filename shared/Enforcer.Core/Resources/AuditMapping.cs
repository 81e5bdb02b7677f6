namespace Enforcer.Core.Resources;

/// <summary>
/// How audit-log entries map to a resource type: which services log it, which method names concern it, which
/// <c>protoPayload.resourceName</c> shapes name it, and where to find identifiers the name lacks.
/// </summary>
/// <param name="Services">Values of <c>protoPayload.serviceName</c>.</param>
/// <param name="MethodFragments">If not empty, the method name must contain one of these (case-insensitive).</param>
/// <param name="ResourceNames">Templates for <c>protoPayload.resourceName</c> (also tried on <c>response.name</c> and <c>request.name</c>).</param>
/// <param name="MonitoredResource">The LogEntry <c>resource.type</c>; field-only matches require it.</param>
/// <param name="Fields">Per identifier, dotted paths in the LogEntry to try, in order, when the resource name lacks it.</param>
public sealed record AuditMapping(
    IReadOnlyList<string> Services,
    IReadOnlyList<string> MethodFragments,
    IReadOnlyList<PathTemplate> ResourceNames,
    string? MonitoredResource,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields);
