using Enforcer.Core.AuditLogs;
using Enforcer.Core.Tests.Fixtures;

namespace Enforcer.Core.Tests.AuditLogs;

public partial class EventMapperTests
{
    public static TheoryData<string> AuditLogCases => FixtureFiles.Cases("AuditLogs");

    public static TheoryData<string> RequestCases => FixtureFiles.Cases("Requests");

    [Theory]
    [MemberData(nameof(AuditLogCases))]
    public void Map_AuditLogFixture_ProducesExpectedOutcome(string name)
    {
        var outcome = EventMapper.Default.Map(FixtureFiles.Payload("AuditLogs", name));

        using var expected = FixtureFiles.Expected("AuditLogs", name);
        ExpectedOutcome.AssertMatches(expected.RootElement, outcome);
    }

    [Theory]
    [MemberData(nameof(RequestCases))]
    public void Map_EvaluationRequestFixture_ProducesExpectedOutcome(string name)
    {
        var outcome = EventMapper.Default.Map(FixtureFiles.Payload("Requests", name));

        using var expected = FixtureFiles.Expected("Requests", name);
        ExpectedOutcome.AssertMatches(expected.RootElement, outcome);
    }

    [Fact]
    public void Map_AuditLogEntry_CarriesEventMetadata()
    {
        var outcome = EventMapper.Default.Map(FixtureFiles.Payload("AuditLogs", "compute_instance_insert_with_disks"));

        var mapped = Assert.IsType<MappedEvent>(outcome);
        Assert.Equal(EventSource.AuditLog, mapped.Metadata.Source);
        Assert.Equal("alice@example.com", mapped.Metadata.PrincipalEmail);
        Assert.Equal("v1.compute.instances.insert", mapped.Metadata.MethodName);
        Assert.Equal("compute.googleapis.com", mapped.Metadata.ServiceName);
        Assert.Equal(LogKind.Activity, mapped.Metadata.LogKind);
        Assert.Equal(OperationKind.Create, mapped.Metadata.Operation);
        Assert.True(mapped.Metadata.OperationFirst);
        Assert.False(mapped.Metadata.OperationLast);
        Assert.Equal("operation-1715678467000-aaaa", mapped.Metadata.OperationId);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 9, 21, 7, 123, TimeSpan.Zero).AddTicks(4560), mapped.Metadata.Timestamp);
        Assert.False(string.IsNullOrEmpty(mapped.Metadata.InsertId));
    }

    [Fact]
    public void Map_DataAccessEntryWhenEnabled_IsMapped()
    {
        var mapper = new EventMapper(Enforcer.Core.Resources.ResourceCatalog.Default, new EventMapperOptions { MapDataAccess = true });

        // A data-access entry for a read stays ignored, but for the read reason, not the log kind.
        var outcome = mapper.Map(FixtureFiles.Payload("AuditLogs", "compute_instance_get_is_read"));

        Assert.Equal(IgnoreReason.ReadOnlyOperation, Assert.IsType<IgnoredEvent>(outcome).Reason);
    }

    [Fact]
    public void Map_SystemEventEntryWhenEnabled_IsMapped()
    {
        var mapper = new EventMapper(Enforcer.Core.Resources.ResourceCatalog.Default, new EventMapperOptions { MapSystemEvent = true });

        var outcome = mapper.Map(FixtureFiles.Payload("AuditLogs", "compute_instance_system_event_migrate"));

        var mapped = Assert.IsType<MappedEvent>(outcome);
        Assert.Equal(LogKind.SystemEvent, mapped.Metadata.LogKind);
        Assert.Equal("compute.googleapis.com/Instance", Assert.Single(mapped.Resources).AssetType);
    }

    [Theory]
    [InlineData("", IgnoreReason.MalformedJson)]
    [InlineData("{", IgnoreReason.MalformedJson)]
    [InlineData("{\"protoPayload\": {\"@type\": \"type.googleapis.com/google.cloud.audit.AuditLog\", \"serviceName\": \"storage.goo", IgnoreReason.MalformedJson)]
    [InlineData("[]", IgnoreReason.UnrecognizedFormat)]
    [InlineData("42", IgnoreReason.UnrecognizedFormat)]
    [InlineData("null", IgnoreReason.UnrecognizedFormat)]
    [InlineData("{}", IgnoreReason.UnrecognizedFormat)]
    [InlineData("{\"message\": {\"data\": \"e30=\"}}", IgnoreReason.UnrecognizedFormat)]
    [InlineData("{\"protoPayload\": 7}", IgnoreReason.NotAuditLog)]
    [InlineData("{\"protoPayload\": {\"@type\": 5}}", IgnoreReason.NotAuditLog)]
    [InlineData("{\"logName\": \"projects/p/logs/cloudaudit.googleapis.com%2Factivity\"}", IgnoreReason.NotAuditLog)]
    [InlineData("{\"protoPayload\": {\"@type\": \"type.googleapis.com/google.cloud.audit.AuditLog\"}, \"logName\": \"projects/p/logs/cloudaudit.googleapis.com%2Factivity\"}", IgnoreReason.MissingField)]
    [InlineData("{\"protoPayload\": {\"@type\": \"type.googleapis.com/google.cloud.audit.AuditLog\", \"serviceName\": [1], \"methodName\": {}}, \"logName\": \"projects/p/logs/cloudaudit.googleapis.com%2Factivity\"}", IgnoreReason.MissingField)]
    [InlineData("{\"protoPayload\": {\"@type\": \"type.googleapis.com/google.cloud.audit.AuditLog\", \"serviceName\": \"storage.googleapis.com\", \"methodName\": \"storage.buckets.create\", \"resourceName\": 12}, \"logName\": \"projects/p/logs/cloudaudit.googleapis.com%2Factivity\"}", IgnoreReason.UnmappedResource)]
    [InlineData("{\"asset_type\": \"storage.googleapis.com/Bucket\"}", IgnoreReason.MissingField)]
    [InlineData("{\"asset_type\": 3, \"name\": \"//storage.googleapis.com/b\"}", IgnoreReason.MissingField)]
    public void Map_MalformedOrUnmapped_IsIgnoredWithReason(string payload, IgnoreReason reason)
    {
        var outcome = EventMapper.Default.Map(System.Text.Encoding.UTF8.GetBytes(payload));

        var ignored = Assert.IsType<IgnoredEvent>(outcome);
        Assert.Equal(reason, ignored.Reason);
        Assert.False(string.IsNullOrWhiteSpace(ignored.Message));
    }
}
