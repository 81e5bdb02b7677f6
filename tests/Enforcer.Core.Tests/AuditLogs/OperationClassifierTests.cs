using Enforcer.Core.AuditLogs;

namespace Enforcer.Core.Tests.AuditLogs;

public class OperationClassifierTests
{
    [Theory]
    // The seed's lists.
    [InlineData("v1.compute.instances.insert", OperationKind.Create)]
    [InlineData("cloudsql.instances.create", OperationKind.Create)]
    [InlineData("storage.setIamPermissions", OperationKind.Update)]
    [InlineData("google.container.v1.ClusterManager.SetLegacyAbac", OperationKind.Update)]
    [InlineData("google.appengine.v1.Instances.DebugInstance", OperationKind.Update)]
    [InlineData("google.api.serviceusage.v1.ServiceUsage.BatchEnableServices", OperationKind.Update)]
    [InlineData("google.api.servicemanagement.v0.ServiceManager.DeactivateServices", OperationKind.Update)]
    [InlineData("v1.compute.instances.get", OperationKind.Read)]
    [InlineData("google.iam.v1.IAMPolicy.GetIamPolicy", OperationKind.Read)]
    [InlineData("v1.compute.instances.aggregatedList", OperationKind.Read)]
    [InlineData("storage.buckets.delete", OperationKind.Delete)]
    // What it missed: deletes (now closing violations), and verbs that change resources.
    [InlineData("google.iam.admin.v1.DeleteServiceAccountKey", OperationKind.Delete)]
    [InlineData("v1.compute.instances.deleteAccessConfig", OperationKind.Update)]
    [InlineData("v1.compute.instances.addAccessConfig", OperationKind.Update)]
    [InlineData("v1.compute.instances.attachDisk", OperationKind.Update)]
    [InlineData("v1.compute.disks.resize", OperationKind.Update)]
    [InlineData("v1.compute.instances.start", OperationKind.Update)]
    [InlineData("v1.compute.instances.stop", OperationKind.Update)]
    [InlineData("google.iam.admin.v1.UndeleteRole", OperationKind.Create)]
    [InlineData("v1.compute.networks.switchToCustomMode", OperationKind.Update)]
    [InlineData("DestroyCryptoKeyVersion", OperationKind.Delete)]
    [InlineData("google.iam.v1.IAMPolicy.TestIamPermissions", OperationKind.Read)]
    [InlineData("google.cloud.sql.v1.Frobnicate", OperationKind.Unknown)]
    [InlineData("", OperationKind.Unknown)]
    [InlineData(null, OperationKind.Unknown)]
    [InlineData("batch", OperationKind.Unknown)]
    public void Classify_MethodName_ReturnsOperation(string? methodName, OperationKind expected) =>
        Assert.Equal(expected, OperationClassifier.Classify(methodName));
}
