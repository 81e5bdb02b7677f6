using System.Net.Http.Headers;
using Enforcer.Google.Errors;
using Enforcer.Google.Http;

namespace Enforcer.Google.Firestore;

/// <summary>
/// Firestore (Native mode) over the v1 REST API. Paths are relative to the database root
/// ("collection/id"). Not found, already exists and failed preconditions are returned as values;
/// other failures throw <see cref="GoogleApiException"/> (check <see cref="GoogleApiException.IsTransient"/>).
/// Thread-safe; keep one per process.
/// </summary>
public sealed partial class FirestoreClient
{
    private static readonly AuthenticationHeaderValue EmulatorOwner = new("Bearer", "owner");

    private readonly RestTransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly string _rootPrefix;

    /// <summary>Uses <paramref name="http"/> as given (auth is its handler's job; see <see cref="GoogleAuthHandler"/>).</summary>
    public FirestoreClient(HttpClient http, FirestoreClientOptions options, TimeProvider? timeProvider = null)
    {
        Options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _transport = new RestTransport(http, options.Endpoint, options.IsEmulator ? EmulatorOwner : null);
        DatabaseName = $"projects/{options.ProjectId}/databases/{options.DatabaseId}";
        _rootPrefix = DatabaseName + "/documents/";
    }

    public FirestoreClientOptions Options { get; }

    /// <summary>projects/P/databases/D.</summary>
    public string DatabaseName { get; }

    /// <summary>
    /// A client for the environment (<see cref="FirestoreClientOptions.FromEnvironment"/>): plain HTTP to the
    /// emulator, or Application Default Credentials. The HttpClient it creates lives as long as the process.
    /// </summary>
    public static async Task<FirestoreClient> ConnectAsync(FirestoreClientOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var http = options.IsEmulator
            ? GoogleHttpClients.ForEmulator(options.Endpoint)
            : await GoogleHttpClients.WithApplicationDefaultCredentialsAsync(options.Endpoint, [GoogleScopes.Datastore], cancellationToken).ConfigureAwait(false);
        return new FirestoreClient(http, options, timeProvider);
    }

    /// <summary>The full resource name of a document path.</summary>
    public string DocumentName(string path) => _rootPrefix + DocumentPaths.ValidateDocumentPath(path);

    /// <summary>A reference value pointing at a document path.</summary>
    public FirestoreValue Reference(string path) => FirestoreValue.FromReference(DocumentName(path));

    /// <summary>Reads a document; null when it does not exist.</summary>
    public async Task<FirestoreDocument?> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        var url = $"v1/{DatabaseName}/documents/{DocumentPaths.EscapeForUrl(DocumentPaths.ValidateDocumentPath(path))}";
        var response = await _transport.SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var error = response.ToError();
            return error.Status == "NOT_FOUND" ? null : throw new GoogleApiException(error);
        }

        using var json = response.Parse();
        return FirestoreWire.ReadDocument(json.RootElement, _rootPrefix);
    }

    /// <summary>Reads several documents in one call; the result is aligned with <paramref name="paths"/> (null = missing).</summary>
    public Task<IReadOnlyList<FirestoreDocument?>> GetAllAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        BatchGetAsync(paths, null, cancellationToken);

    /// <summary>Creates a document if absent: <see cref="WriteStatus.AlreadyExists"/> when someone else created it first.</summary>
    public Task<WriteResult> CreateAsync(string path, IReadOnlyDictionary<string, FirestoreValue> fields, CancellationToken cancellationToken = default) =>
        WriteAsync(FirestoreWrite.Create(path, fields), cancellationToken);

    /// <summary>Creates or replaces a whole document, optionally under a precondition.</summary>
    public Task<WriteResult> SetAsync(string path, IReadOnlyDictionary<string, FirestoreValue> fields, Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        WriteAsync(FirestoreWrite.Set(path, fields, precondition), cancellationToken);

    /// <summary>Patches the masked fields of an existing document (see <see cref="FirestoreWrite.Update"/>).</summary>
    public Task<WriteResult> UpdateAsync(string path, IReadOnlyDictionary<string, FirestoreValue> fields, IEnumerable<string>? updateMask = null, Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        WriteAsync(FirestoreWrite.Update(path, fields, updateMask, precondition), cancellationToken);

    /// <summary>Deletes a document (Ok when already absent, unless the precondition requires it to exist).</summary>
    public Task<WriteResult> DeleteAsync(string path, Precondition? precondition = null, CancellationToken cancellationToken = default) =>
        WriteAsync(FirestoreWrite.Delete(path, precondition), cancellationToken);

    /// <summary>Applies one write atomically.</summary>
    public async Task<WriteResult> WriteAsync(FirestoreWrite write, CancellationToken cancellationToken = default)
    {
        var result = await CommitCoreAsync([write], null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.WriteResults[0] : new WriteResult(result.Status, null, FirestoreValue.NoValues, result.Error);
    }

    /// <summary>Applies several writes atomically: all or none.</summary>
    public Task<CommitResult> CommitAsync(IEnumerable<FirestoreWrite> writes, CancellationToken cancellationToken = default) =>
        CommitCoreAsync(writes.ToArray(), null, cancellationToken);

    /// <summary>Runs a structured query under the database root, or under <paramref name="parentPath"/> (a document) for subcollections.</summary>
    public Task<IReadOnlyList<FirestoreDocument>> RunQueryAsync(FirestoreQuery query, string? parentPath = null, CancellationToken cancellationToken = default) =>
        RunQueryCoreAsync(query, parentPath, null, cancellationToken);

    internal async Task<IReadOnlyList<FirestoreDocument>> RunQueryCoreAsync(FirestoreQuery query, string? parentPath, string? transaction, CancellationToken cancellationToken)
    {
        var parent = parentPath is null
            ? $"{DatabaseName}/documents"
            : $"{DatabaseName}/documents/{DocumentPaths.EscapeForUrl(DocumentPaths.ValidateDocumentPath(parentPath))}";
        var response = await _transport.SendAsync(HttpMethod.Post, $"v1/{parent}:runQuery", w =>
        {
            w.WriteStartObject();
            FirestoreWire.WriteQuery(w, query);
            if (transaction is not null)
            {
                w.WriteString("transaction", transaction);
            }

            w.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToException();
        }

        using var json = response.Parse();
        var documents = new List<FirestoreDocument>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("document", out var document))
            {
                documents.Add(FirestoreWire.ReadDocument(document, _rootPrefix));
            }
        }

        return documents;
    }

    internal async Task<IReadOnlyList<FirestoreDocument?>> BatchGetAsync(IReadOnlyList<string> paths, string? transaction, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            return [];
        }

        var names = paths.Select(DocumentName).ToArray();
        var response = await _transport.SendAsync(HttpMethod.Post, $"v1/{DatabaseName}/documents:batchGet", w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("documents");
            foreach (var name in names)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            if (transaction is not null)
            {
                w.WriteString("transaction", transaction);
            }

            w.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToException();
        }

        // Results arrive in any order; align them with the request.
        using var json = response.Parse();
        var found = new Dictionary<string, FirestoreDocument>(StringComparer.Ordinal);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("found", out var document))
            {
                var doc = FirestoreWire.ReadDocument(document, _rootPrefix);
                found[doc.Name] = doc;
            }
        }

        return names.Select(n => found.GetValueOrDefault(n)).ToArray();
    }

    internal async Task<CommitResult> CommitCoreAsync(IReadOnlyList<FirestoreWrite> writes, string? transaction, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, $"v1/{DatabaseName}/documents:commit", w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("writes");
            foreach (var write in writes)
            {
                FirestoreWire.WriteWrite(w, write, DocumentName(write.Path));
            }

            w.WriteEndArray();
            if (transaction is not null)
            {
                w.WriteString("transaction", transaction);
            }

            w.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccess)
        {
            var error = response.ToError();
            var status = error.Status switch
            {
                "ALREADY_EXISTS" => WriteStatus.AlreadyExists,
                "NOT_FOUND" => WriteStatus.NotFound,
                "FAILED_PRECONDITION" => WriteStatus.PreconditionFailed,
                _ => throw new GoogleApiException(error),
            };
            return new CommitResult(status, null, [], error);
        }

        using var json = response.Parse();
        var root = json.RootElement;
        var commitTime = FirestoreWire.ReadTime(root, "commitTime");
        var results = new List<WriteResult>(writes.Count);
        if (root.TryGetProperty("writeResults", out var writeResults))
        {
            foreach (var item in writeResults.EnumerateArray())
            {
                var transforms = item.TryGetProperty("transformResults", out var t)
                    ? t.EnumerateArray().Select(FirestoreValue.ReadFrom).ToArray()
                    : FirestoreValue.NoValues;
                // A delete reports no updateTime; the commit time stands in for it.
                results.Add(new WriteResult(WriteStatus.Ok, FirestoreWire.ReadTime(item, "updateTime") ?? commitTime, transforms, null));
            }
        }

        while (results.Count < writes.Count)
        {
            results.Add(new WriteResult(WriteStatus.Ok, commitTime, FirestoreValue.NoValues, null));
        }

        return new CommitResult(WriteStatus.Ok, commitTime, results, null);
    }
}
