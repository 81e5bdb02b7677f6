using System.Text.Json;
using Enforcer.Core.Requests;

namespace Enforcer.Core.Tests.Requests;

public class EvaluationRequestTests
{
    [Fact]
    public void Serialize_UsesTheSeedsSnakeCaseFormat()
    {
        var request = new EvaluationRequest
        {
            Name = "//storage.googleapis.com/b",
            AssetType = "storage.googleapis.com/Bucket",
            ProjectId = "p",
            Metadata = new EvaluationRequestMetadata
            {
                Src = "sweep",
                Extra = new Dictionary<string, JsonElement> { ["sweep_id"] = JsonSerializer.SerializeToElement("s1", RequestJsonContext.Default.String) },
            },
            ControlData = new ControlData { Enforce = false },
        };

        using var doc = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(request, RequestJsonContext.Default.EvaluationRequest));
        var root = doc.RootElement;

        Assert.Equal("//storage.googleapis.com/b", root.GetProperty("name").GetString());
        Assert.Equal("storage.googleapis.com/Bucket", root.GetProperty("asset_type").GetString());
        Assert.Equal("p", root.GetProperty("project_id").GetString());
        Assert.Equal("sweep", root.GetProperty("metadata").GetProperty("src").GetString());
        Assert.Equal("s1", root.GetProperty("metadata").GetProperty("sweep_id").GetString());
        Assert.False(root.GetProperty("control_data").GetProperty("enforce").GetBoolean());
        Assert.False(root.GetProperty("control_data").GetProperty("delay_enforcement").GetBoolean());
    }

    [Fact]
    public void Deserialize_OmittedControlData_DefaultsToEnforceWithoutDelay()
    {
        var json = """{"name":"//x","asset_type":"t","metadata":{"src":"a"},"control_data":{}}"""u8;

        var request = JsonSerializer.Deserialize(json, RequestJsonContext.Default.EvaluationRequest)!;

        Assert.True(request.ControlData!.Enforce);
        Assert.False(request.ControlData.DelayEnforcement);
        Assert.Null(request.ProjectId);
    }

    [Fact]
    public void SweepRequest_RoundTrips()
    {
        var sweep = new SweepRequest { Scope = "organizations/1", AssetTypes = ["a/B"], PageToken = "t", SweepId = "s" };

        var back = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(sweep, RequestJsonContext.Default.SweepRequest), RequestJsonContext.Default.SweepRequest)!;

        Assert.Equal(("organizations/1", "t", "s"), (back.Scope, back.PageToken, back.SweepId));
        Assert.Equal(["a/B"], back.AssetTypes!);
    }
}
