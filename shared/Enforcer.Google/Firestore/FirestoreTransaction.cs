namespace Enforcer.Google.Firestore;

/// <summary>
/// A read-write transaction handed to <see cref="FirestoreClient.RunTransactionAsync{T}"/>: reads go
/// through the transaction (locking what they read), writes are buffered and committed together at the end.
/// </summary>
public sealed class FirestoreTransaction
{
    private readonly FirestoreClient _client;
    private readonly List<FirestoreWrite> _writes = [];

    internal FirestoreTransaction(FirestoreClient client, string id, CancellationToken cancellationToken)
    {
        _client = client;
        Id = id;
        CancellationToken = cancellationToken;
    }

    /// <summary>The transaction id (opaque bytes, base64).</summary>
    public string Id { get; }

    /// <summary>The token the transaction was started with.</summary>
    public CancellationToken CancellationToken { get; }

    internal IReadOnlyList<FirestoreWrite> Writes => _writes;

    /// <summary>Reads a document in the transaction; null when it does not exist.</summary>
    public async Task<FirestoreDocument?> GetAsync(string path)
    {
        // The emulator stalls on GET with ?transaction=, so transactional reads use batchGet.
        var documents = await _client.BatchGetAsync([path], Id, CancellationToken).ConfigureAwait(false);
        return documents[0];
    }

    /// <summary>Reads several documents in the transaction, aligned with <paramref name="paths"/>.</summary>
    public Task<IReadOnlyList<FirestoreDocument?>> GetAllAsync(IReadOnlyList<string> paths) =>
        _client.BatchGetAsync(paths, Id, CancellationToken);

    /// <summary>Runs a query in the transaction.</summary>
    public Task<IReadOnlyList<FirestoreDocument>> RunQueryAsync(FirestoreQuery query, string? parentPath = null) =>
        _client.RunQueryCoreAsync(query, parentPath, Id, CancellationToken);

    /// <summary>Buffers a write for the commit.</summary>
    public void Add(FirestoreWrite write) => _writes.Add(write);

    public void Create(string path, IReadOnlyDictionary<string, FirestoreValue> fields) => Add(FirestoreWrite.Create(path, fields));

    public void Set(string path, IReadOnlyDictionary<string, FirestoreValue> fields) => Add(FirestoreWrite.Set(path, fields));

    public void Update(string path, IReadOnlyDictionary<string, FirestoreValue> fields, IEnumerable<string>? updateMask = null) =>
        Add(FirestoreWrite.Update(path, fields, updateMask));

    public void Delete(string path) => Add(FirestoreWrite.Delete(path));
}
