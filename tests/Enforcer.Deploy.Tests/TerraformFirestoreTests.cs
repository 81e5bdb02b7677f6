using Enforcer.Hosting.Storage;

namespace Enforcer.Deploy.Tests;

/// <summary>The Firestore database, its retention (TTL) and the composite indexes the store's queries need.</summary>
public sealed class TerraformFirestoreTests(TerraformFixture fixture)
{
    private static readonly string[] RecordCollections = ["events", "evaluations", "violations", "remediations", "counters", "dead_letters"];

    private TerraformConfiguration Tf => fixture.Configuration;

    [Fact]
    public void Indexes_EveryRequiredQueryIndex_IsDeclared()
    {
        Assert.NotEmpty(FirestoreIndexes.Required);
        var declared = Tf.OfType("google_firestore_index").Select(Describe).ToList();

        foreach (var index in FirestoreIndexes.Required)
        {
            var wanted = Describe(index);
            Assert.True(declared.Contains(wanted), $"terraform/firestore.tf lacks the index {wanted}; declared: {string.Join("; ", declared)}");
        }
    }

    [Fact]
    public void Indexes_EveryDeclaredIndex_IsRequiredByAQuery()
    {
        var required = FirestoreIndexes.Required.Select(Describe).ToHashSet();
        foreach (var index in Tf.OfType("google_firestore_index"))
        {
            Assert.True(required.Contains(Describe(index)), $"{index} ({Describe(index)}) serves no query in FirestoreIndexes.Required");
            Assert.Equal("COLLECTION", Hcl.Text(index.Body, "query_scope"));
            Assert.True(Hcl.RefersTo(Hcl.Text(index.Body, "database"), "google_firestore_database.enforcer"));
        }
    }

    [Fact]
    public void Ttl_RecordCollections_ExpireByTheirExpireAtField()
    {
        var field = Tf.Resource("google_firestore_field.expire_at");
        Assert.Equal("expire_at", Hcl.Text(field.Body, "field"));
        Assert.Equal("${each.value}", Hcl.Text(field.Body, "collection"));
        Assert.NotNull(Hcl.Block(field.Body, "ttl_config"));
        var forEach = Hcl.Text(field.Body, "for_each");
        Assert.All(RecordCollections, c => Assert.Contains($"\"{c}\"", forEach, StringComparison.Ordinal));
    }

    [Fact]
    public void Database_NativeMode_InTheChosenLocation()
    {
        var database = Assert.Single(Tf.OfType("google_firestore_database"));
        Assert.Equal("FIRESTORE_NATIVE", Hcl.Text(database.Body, "type"));
        Assert.Equal("${var.firestore_database}", Hcl.Text(database.Body, "name"));
        Assert.Equal("${local.firestore_location}", Hcl.Text(database.Body, "location_id"));
    }

    private static string Describe(FirestoreIndex index) =>
        index.Collection + ": " + string.Join(", ", index.Fields.Select(f => $"{f.FieldPath} {f.Mode}"));

    private static string Describe(TerraformBlock index)
    {
        var fields = Hcl.Blocks(index.Body, "fields").Select(f =>
            $"{Hcl.Text(f, "field_path")} {Hcl.Text(f, "order") ?? Hcl.Text(f, "array_config") ?? Hcl.Text(f, "vector_config")}");
        return Hcl.Text(index.Body, "collection") + ": " + string.Join(", ", fields);
    }
}
