using Enforcer.Core.Resources;
using Enforcer.FakeGoogle;

namespace Enforcer.Cli.Local;

/// <summary>
/// The file-backed local "project": the fake Google API (tests/Enforcer.FakeGoogle) on loopback, seeded with the
/// resource snapshots of a folder. Reads and remediation calls go to it instead of Google; what a remediation
/// changes lives in memory only (the snapshot files are never written).
/// </summary>
internal sealed class LocalProject : IAsyncDisposable
{
    private LocalProject(FakeGoogleServer server, IReadOnlyList<ResourceSnapshot> resources)
    {
        Server = server;
        Resources = resources;
    }

    public FakeGoogleServer Server { get; }

    public IReadOnlyList<ResourceSnapshot> Resources { get; }

    /// <summary>Per API host, the loopback base URL to use instead of https://{host}/.</summary>
    public IReadOnlyDictionary<string, Uri> BaseUrls => Server.BaseUrls;

    /// <summary>Starts the fake and seeds it; a snapshot that cannot be read or is not a catalog resource is an error.</summary>
    public static async Task<(LocalProject? Project, IReadOnlyList<string> Errors)> StartAsync(string? resourceDirectory, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshots = new List<ResourceSnapshot>();
        var errors = new List<string>();
        if (resourceDirectory is not null)
        {
            var (loaded, loadErrors) = ResourceSnapshot.LoadDirectory(resourceDirectory);
            errors.AddRange(loadErrors);
            foreach (var snapshot in loaded)
            {
                var type = ResourceCatalog.Default.Find(snapshot.AssetType);
                if (type is null)
                {
                    errors.Add($"{snapshot.File}: asset type '{snapshot.AssetType}' is not in the resource catalog");
                }
                else if (type.ParseFullName(snapshot.Name) is null)
                {
                    errors.Add($"{snapshot.File}: '{snapshot.Name}' is not a full resource name of a {snapshot.AssetType}");
                }
                else
                {
                    snapshots.Add(snapshot);
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var server = await FakeGoogleServer.StartAsync(ResourceCatalog.Default, time, cancellationToken).ConfigureAwait(false);
        foreach (var snapshot in snapshots)
        {
            server.Seed(snapshot.AssetType, snapshot.Name, snapshot.Resource, snapshot.Iam);
        }

        return (new LocalProject(server, snapshots), errors);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
