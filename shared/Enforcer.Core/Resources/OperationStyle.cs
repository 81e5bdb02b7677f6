namespace Enforcer.Core.Resources;

/// <summary>The shape of the long-running operations an API returns, which decides how to wait for them.</summary>
public enum OperationStyle
{
    /// <summary>The API has no long-running operations.</summary>
    None,

    /// <summary>Compute: <c>{kind: compute#operation, status: PENDING|RUNNING|DONE, selfLink}</c>, zonal, regional or global.</summary>
    Compute,

    /// <summary>Cloud SQL: <c>{kind: sql#operation, status, selfLink}</c> under <c>projects/{p}/operations</c>.</summary>
    SqlAdmin,

    /// <summary>GKE: <c>{name, status: RUNNING|DONE, selfLink}</c> under the location's operations.</summary>
    Container,

    /// <summary>google.longrunning.Operation: <c>{name, done, response|error}</c>, polled at <c>{version}/{name}</c>.</summary>
    LongRunning,
}
