using Enforcer.Google.Firestore;
using Enforcer.TestSupport;

namespace Enforcer.Google.Tests.Firestore;

public class FirestoreQueryTests(EmulatorFixture emulators)
{
    private readonly FirestoreClient _client = emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Ten violations: ids v0..v9, severity alternating HIGH/LOW, score i % 4 (ties on purpose), project p(i % 3).
    private async Task SeedAsync()
    {
        var writes = Enumerable.Range(0, 10).Select(i => FirestoreWrite.Create($"violations/v{i}", new Dictionary<string, FirestoreValue>
        {
            ["severity"] = i % 2 == 0 ? "HIGH" : "LOW",
            ["score"] = i % 4,
            ["project"] = $"p{i % 3}",
            ["seq"] = i,
            ["note"] = i == 3 ? FirestoreValue.Null : "x",
            ["tags"] = FirestoreValue.FromArray(i % 2 == 0 ? "even" : "odd", $"t{i}"),
        }));
        var result = await _client.CommitAsync(writes, Ct);
        Assert.True(result.Succeeded);
    }

    private static string[] Ids(IEnumerable<FirestoreDocument> documents) => documents.Select(d => d.Id).ToArray();

    [Fact]
    public async Task RunQueryAsync_EqualityAndRange_CompositeAnd()
    {
        await SeedAsync();
        var query = new FirestoreQuery("violations")
            .Where("severity", FilterOperator.Equal, "HIGH")
            .Where("seq", FilterOperator.GreaterThanOrEqual, 4)
            .OrderBy("seq");

        var documents = await _client.RunQueryAsync(query, cancellationToken: Ct);

        Assert.Equal(["v4", "v6", "v8"], Ids(documents));
    }

    [Fact]
    public async Task RunQueryAsync_OrderDescendingWithLimitAndOffset_ReturnsTheSlice()
    {
        await SeedAsync();
        var query = new FirestoreQuery("violations").OrderBy("seq", descending: true) with { Offset = 2, Limit = 3 };

        var documents = await _client.RunQueryAsync(query, cancellationToken: Ct);

        Assert.Equal(["v7", "v6", "v5"], Ids(documents));
    }

    [Fact]
    public async Task RunQueryAsync_Cursors_StartAtStartAfterEndBefore()
    {
        await SeedAsync();
        var bySeq = new FirestoreQuery("violations").OrderBy("seq");

        var startAt = await _client.RunQueryAsync(bySeq.StartingAt(7), cancellationToken: Ct);
        var startAfter = await _client.RunQueryAsync(bySeq.StartingAfter(7), cancellationToken: Ct);
        var window = await _client.RunQueryAsync(bySeq.StartingAfter(2).EndingBefore(5), cancellationToken: Ct);
        var inclusive = await _client.RunQueryAsync(bySeq.StartingAfter(2).EndingAt(5), cancellationToken: Ct);

        Assert.Equal(["v7", "v8", "v9"], Ids(startAt));
        Assert.Equal(["v8", "v9"], Ids(startAfter));
        Assert.Equal(["v3", "v4"], Ids(window));
        Assert.Equal(["v3", "v4", "v5"], Ids(inclusive));
    }

    [Fact]
    public async Task RunQueryAsync_PagingByDocumentCursorOverTies_VisitsEveryDocumentOnce()
    {
        await SeedAsync();
        var query = new FirestoreQuery("violations").OrderBy("score", descending: true) with { Limit = 3 };
        var seen = new List<string>();
        var page = await _client.RunQueryAsync(query, cancellationToken: Ct);
        var pages = 0;
        while (page.Count > 0)
        {
            pages++;
            seen.AddRange(Ids(page));
            page = await _client.RunQueryAsync(query.StartingAfter(page[^1]), cancellationToken: Ct);
        }

        Assert.Equal(4, pages);
        Assert.Equal(10, seen.Count);
        Assert.Equal(10, seen.Distinct().Count());
        var scores = seen.Select(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 4).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task RunQueryAsync_InArrayContainsAndNull_Filters()
    {
        await SeedAsync();
        var collection = new FirestoreQuery("violations").OrderBy("seq");

        var inProjects = await _client.RunQueryAsync(collection.Where("project", FilterOperator.In, FirestoreValue.FromArray("p0", "p2")), cancellationToken: Ct);
        var tagged = await _client.RunQueryAsync(collection.Where("tags", FilterOperator.ArrayContains, "t5"), cancellationToken: Ct);
        var nullNote = await _client.RunQueryAsync(collection.Where(QueryFilter.Unary("note", UnaryOperator.IsNull)), cancellationToken: Ct);
        var either = await _client.RunQueryAsync(collection.Where(QueryFilter.Or(
            QueryFilter.Field("seq", FilterOperator.Equal, 1),
            QueryFilter.Field("seq", FilterOperator.Equal, 8))), cancellationToken: Ct);

        Assert.Equal(["v0", "v2", "v3", "v5", "v6", "v8", "v9"], Ids(inProjects));
        Assert.Equal(["v5"], Ids(tagged));
        Assert.Equal(["v3"], Ids(nullNote));
        Assert.Equal(["v1", "v8"], Ids(either));
    }

    [Fact]
    public async Task RunQueryAsync_SubcollectionAndCollectionGroup_ScopeByParent()
    {
        await _client.CreateAsync("resources/r1/events/e1", new Dictionary<string, FirestoreValue> { ["n"] = 1 }, Ct);
        await _client.CreateAsync("resources/r1/events/e2", new Dictionary<string, FirestoreValue> { ["n"] = 2 }, Ct);
        await _client.CreateAsync("resources/r2/events/e3", new Dictionary<string, FirestoreValue> { ["n"] = 3 }, Ct);

        var underR1 = await _client.RunQueryAsync(new FirestoreQuery("events").OrderBy("n"), "resources/r1", Ct);
        var all = await _client.RunQueryAsync(new FirestoreQuery("events") { AllDescendants = true }.OrderBy("n"), cancellationToken: Ct);

        Assert.Equal(["e1", "e2"], Ids(underR1));
        Assert.Equal(["e1", "e2", "e3"], Ids(all));
        Assert.Equal("resources/r2/events/e3", all[2].Path);
    }

    [Fact]
    public async Task RunQueryAsync_Select_ReturnsOnlyProjectedFields()
    {
        await SeedAsync();
        var query = new FirestoreQuery("violations") { Select = ["seq"], Limit = 1 }.OrderBy("seq");

        var documents = await _client.RunQueryAsync(query, cancellationToken: Ct);

        Assert.Equal(["seq"], documents.Single().Fields.Keys);
    }

    [Fact]
    public async Task RunQueryAsync_EmptyCollection_ReturnsNothing()
    {
        Assert.Empty(await _client.RunQueryAsync(new FirestoreQuery("nothing-here"), cancellationToken: Ct));
    }
}
