using Enforcer.Google.Firestore;
using Enforcer.TestSupport;

namespace Enforcer.Google.Tests.Firestore;

public class FirestoreClientTests(EmulatorFixture emulators)
{
    private readonly FirestoreClient _client = emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, FirestoreValue> Fields(params (string Name, FirestoreValue Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public async Task GetAsync_MissingDocument_ReturnsNull()
    {
        Assert.Null(await _client.GetAsync("things/missing", Ct));
    }

    [Fact]
    public async Task CreateAsync_NewDocument_IsReadBackWithEveryValueKind()
    {
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1230);
        var fields = Fields(
            ("null", FirestoreValue.Null),
            ("flag", true),
            ("count", 9_007_199_254_740_993L),
            ("ratio", 0.25),
            ("nan", double.NaN),
            ("when", when),
            ("name", "héllo"),
            ("bytes", FirestoreValue.FromBytes([0, 1, 255])),
            ("ref", _client.Reference("other/doc")),
            ("where", FirestoreValue.FromGeoPoint(new FirestoreGeoPoint(51.5, -0.12))),
            ("list", FirestoreValue.FromArray(1, "two", FirestoreValue.FromMap([]))),
            ("map", FirestoreValue.FromMap(Fields(("inner", "x"), ("empty", FirestoreValue.FromMap([]))))));

        var created = await _client.CreateAsync("things/a", fields, Ct);
        var read = await _client.GetAsync("things/a", Ct);

        Assert.Equal(WriteStatus.Ok, created.Status);
        Assert.NotNull(read);
        Assert.Equal("things/a", read.Path);
        Assert.Equal("a", read.Id);
        Assert.Equal(_client.DocumentName("things/a"), read.Name);
        Assert.Equal(created.UpdateTime, read.UpdateTime);
        Assert.Equal(fields.Count, read.Fields.Count);
        foreach (var (name, value) in fields)
        {
            Assert.Equal(value, read.Fields[name]);
        }
    }

    [Fact]
    public async Task CreateAsync_ExistingDocument_ReturnsAlreadyExistsAndKeepsFirstWrite()
    {
        await _client.CreateAsync("claims/x", Fields(("owner", "first")), Ct);

        var second = await _client.CreateAsync("claims/x", Fields(("owner", "second")), Ct);

        Assert.Equal(WriteStatus.AlreadyExists, second.Status);
        Assert.Equal("ALREADY_EXISTS", second.Error?.Status);
        Assert.Equal("first", (await _client.GetAsync("claims/x", Ct))!["owner"]!.AsString());
    }

    [Fact]
    public async Task CreateAsync_TwentyConcurrentCreates_ExactlyOneSucceeds()
    {
        var attempts = Enumerable.Range(0, 20)
            .Select(i => _client.CreateAsync("claims/race", Fields(("owner", $"worker-{i}")), Ct));

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Status == WriteStatus.Ok);
        Assert.Equal(19, results.Count(r => r.Status == WriteStatus.AlreadyExists));
        var winner = Array.FindIndex(results, r => r.Succeeded);
        Assert.Equal($"worker-{winner}", (await _client.GetAsync("claims/race", Ct))!["owner"]!.AsString());
    }

    [Fact]
    public async Task UpdateAsync_MissingDocument_ReturnsNotFound()
    {
        var result = await _client.UpdateAsync("things/none", Fields(("n", 1)), cancellationToken: Ct);

        Assert.Equal(WriteStatus.NotFound, result.Status);
        Assert.Null(await _client.GetAsync("things/none", Ct));
    }

    [Fact]
    public async Task UpdateAsync_WithMask_ChangesOnlyMaskedFieldsAndDeletesMaskedAbsentOnes()
    {
        await _client.CreateAsync("things/m", Fields(("a", 1), ("b", 2), ("c", 3)), Ct);

        var result = await _client.UpdateAsync("things/m", Fields(("a", 10)), ["a", "c"], cancellationToken: Ct);
        var read = await _client.GetAsync("things/m", Ct);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(10, read!["a"]!.AsInteger());
        Assert.Equal(2, read["b"]!.AsInteger());
        Assert.Null(read["c"]);
    }

    [Fact]
    public async Task UpdateAsync_FieldNamesNeedingQuotes_AreMaskedCorrectly()
    {
        await _client.CreateAsync("things/q", Fields(("plain", 1)), Ct);

        var result = await _client.UpdateAsync("things/q", Fields(("with space", 2), ("dotted.key", 3)), cancellationToken: Ct);
        var read = await _client.GetAsync("things/q", Ct);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(1, read!["plain"]!.AsInteger());
        Assert.Equal(2, read["with space"]!.AsInteger());
        Assert.Equal(3, read["dotted.key"]!.AsInteger());
    }

    [Fact]
    public async Task UpdateAsync_StaleUpdateTime_ReturnsPreconditionFailed()
    {
        var first = await _client.CreateAsync("things/v", Fields(("n", 1)), Ct);
        var second = await _client.UpdateAsync("things/v", Fields(("n", 2)), precondition: Precondition.UpdatedAt(first.UpdateTime!.Value), cancellationToken: Ct);

        var stale = await _client.UpdateAsync("things/v", Fields(("n", 3)), precondition: Precondition.UpdatedAt(first.UpdateTime!.Value), cancellationToken: Ct);

        Assert.Equal(WriteStatus.Ok, second.Status);
        Assert.Equal(WriteStatus.PreconditionFailed, stale.Status);
        Assert.Equal("FAILED_PRECONDITION", stale.Error?.Status);
        Assert.Equal(2, (await _client.GetAsync("things/v", Ct))!["n"]!.AsInteger());
    }

    [Fact]
    public async Task SetAsync_ExistingDocument_ReplacesAllFields()
    {
        await _client.CreateAsync("things/s", Fields(("a", 1), ("b", 2)), Ct);

        await _client.SetAsync("things/s", Fields(("c", 3)), cancellationToken: Ct);
        var read = await _client.GetAsync("things/s", Ct);

        Assert.Equal(["c"], read!.Fields.Keys);
    }

    [Fact]
    public async Task DeleteAsync_MustExistOnMissingDocument_ReturnsNotFound_OtherwiseDeletes()
    {
        await _client.CreateAsync("things/d", Fields(("a", 1)), Ct);

        var deleted = await _client.DeleteAsync("things/d", Precondition.MustExist, Ct);
        var again = await _client.DeleteAsync("things/d", Precondition.MustExist, Ct);
        var unconditional = await _client.DeleteAsync("things/d", cancellationToken: Ct);

        Assert.Equal(WriteStatus.Ok, deleted.Status);
        Assert.Equal(WriteStatus.NotFound, again.Status);
        Assert.Equal(WriteStatus.Ok, unconditional.Status);
        Assert.Null(await _client.GetAsync("things/d", Ct));
    }

    [Fact]
    public async Task WriteAsync_Transforms_IncrementAndStampOnTheServer()
    {
        var write = FirestoreWrite.Create("counters/c", Fields(("n", 5)))
            .WithTransforms(FieldTransform.Increment("n", 3), FieldTransform.ServerTimestamp("at"));

        var result = await _client.WriteAsync(write, Ct);
        var bumped = await _client.WriteAsync(FirestoreWrite.Transform("counters/c", FieldTransform.Increment("n", 2), FieldTransform.AppendMissingElements("tags", "a", "b")), Ct);
        var read = await _client.GetAsync("counters/c", Ct);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(8, result.TransformResults[0].AsInteger());
        Assert.Equal(FirestoreValueKind.Timestamp, result.TransformResults[1].Kind);
        Assert.Equal(WriteStatus.Ok, bumped.Status);
        Assert.Equal(10, read!["n"]!.AsInteger());
        Assert.Equal(read.CreateTime, read["at"]!.AsTimestamp(), TimeSpan.FromSeconds(1));
        Assert.Equal(FirestoreValue.FromArray("a", "b"), read["tags"]);
    }

    [Fact]
    public async Task CommitAsync_OneFailingPrecondition_AppliesNothing()
    {
        await _client.CreateAsync("things/existing", Fields(("a", 1)), Ct);

        var result = await _client.CommitAsync(
        [
            FirestoreWrite.Create("things/new", Fields(("a", 1))),
            FirestoreWrite.Create("things/existing", Fields(("a", 2))),
        ], Ct);

        Assert.Equal(WriteStatus.AlreadyExists, result.Status);
        Assert.Null(await _client.GetAsync("things/new", Ct));
        Assert.Equal(1, (await _client.GetAsync("things/existing", Ct))!["a"]!.AsInteger());
    }

    [Fact]
    public async Task CommitAsync_SeveralWrites_AppliesAllWithOneResultEach()
    {
        await _client.CreateAsync("things/gone", Fields(("a", 1)), Ct);

        var result = await _client.CommitAsync(
        [
            FirestoreWrite.Create("things/one", Fields(("a", 1))),
            FirestoreWrite.Set("things/two", Fields(("a", 2))),
            FirestoreWrite.Delete("things/gone"),
        ], Ct);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(3, result.WriteResults.Count);
        Assert.NotNull(result.CommitTime);
        Assert.NotNull(await _client.GetAsync("things/one", Ct));
        Assert.NotNull(await _client.GetAsync("things/two", Ct));
        Assert.Null(await _client.GetAsync("things/gone", Ct));
    }

    [Fact]
    public async Task GetAllAsync_MixedPaths_ResultsAlignWithRequest()
    {
        await _client.CreateAsync("things/b1", Fields(("n", 1)), Ct);
        await _client.CreateAsync("things/b3", Fields(("n", 3)), Ct);

        var documents = await _client.GetAllAsync(["things/b3", "things/b2", "things/b1"], Ct);

        Assert.Equal(3, documents.Count);
        Assert.Equal(3, documents[0]!["n"]!.AsInteger());
        Assert.Null(documents[1]);
        Assert.Equal(1, documents[2]!["n"]!.AsInteger());
    }

    [Fact]
    public async Task CreateAsync_SubcollectionAndUnusualIds_RoundTrip()
    {
        const string path = "resources/projects%2Fp 1:x/events/2026-01-01T00:00:00Z#1";

        var created = await _client.CreateAsync(path, Fields(("ok", true)), Ct);
        var read = await _client.GetAsync(path, Ct);

        Assert.Equal(WriteStatus.Ok, created.Status);
        Assert.Equal(path, read?.Path);
        Assert.Equal("2026-01-01T00:00:00Z#1", read?.Id);
    }

    [Fact]
    public void DocumentName_OddSegmentCount_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => _client.DocumentName("collection"));
        Assert.Throws<ArgumentException>(() => _client.DocumentName("a/b/c"));
        Assert.Throws<ArgumentException>(() => _client.DocumentName("a//b"));
    }

    [Fact]
    public async Task GetAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetAsync("things/a", cts.Token));
    }
}
