using System.Net;
using System.Text.Json.Nodes;
using Enforcer.Core.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcer.FakeGoogle;

/// <summary>
/// A loopback HTTP fake of Google's resource APIs, driven entirely by the resource catalog: it serves GET,
/// getIamPolicy and every allowlisted method of every catalog type from their path templates, with each API
/// family's concurrency rules (Compute fingerprints → 412, Storage metageneration → 412, IAM etags → 409),
/// long-running operations, readiness transitions, injected faults, a call log, and Cloud Asset Inventory
/// assets.list with paging. Requests are addressed as <c>{BaseAddress}{api host}/{api path}</c>; point a client
/// at it with <see cref="BaseUrls"/>.
/// </summary>
public sealed partial class FakeGoogleServer : IAsyncDisposable
{
    /// <summary>The Cloud Asset Inventory host the fake also serves.</summary>
    public const string CloudAssetHost = "cloudasset.googleapis.com";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeOperation> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _ancestry = new(StringComparer.Ordinal);
    private readonly List<FakeFault> _faults = [];
    private readonly List<FakeCall> _calls = [];
    private int _sequence;

    private FakeGoogleServer(WebApplication app, ResourceCatalog catalog, TimeProvider time)
    {
        _app = app;
        Catalog = catalog;
        Time = time;
    }

    /// <summary>The catalog the fake serves.</summary>
    public ResourceCatalog Catalog { get; }

    /// <summary>The clock used for CAI read times.</summary>
    public TimeProvider Time { get; }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many polls a long-running operation takes to finish (default 1: the first poll sees it done).</summary>
    public int OperationPollsToComplete { get; set; } = 1;

    /// <summary>The organization every project belongs to unless <see cref="SetProjectAncestry"/> says otherwise.</summary>
    public string DefaultOrganization { get; set; } = "organizations/123456789012";

    /// <summary>Per API host, the base URL to give a client (the catalog hosts plus Cloud Asset Inventory).</summary>
    public IReadOnlyDictionary<string, Uri> BaseUrls =>
        Catalog.Types.Select(t => t.Host).Append(CloudAssetHost).Distinct(StringComparer.Ordinal).ToDictionary(h => h, BaseUrlFor, StringComparer.Ordinal);

    /// <summary>Every request served so far, in order.</summary>
    public IReadOnlyList<FakeCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Starts a fake on 127.0.0.1 with a port chosen by the OS.</summary>
    public static async Task<FakeGoogleServer> StartAsync(ResourceCatalog? catalog = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeGoogleServer(app, catalog ?? ResourceCatalog.Default, time ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The base URL standing in for <c>https://{host}/</c>.</summary>
    public Uri BaseUrlFor(string host) => new(BaseAddress, host + "/");

    /// <summary>Stores (or replaces) a resource; returns its full name. Concurrency tokens are added if absent.</summary>
    public string Seed(string assetType, IReadOnlyDictionary<string, string> identifiers, JsonObject resource, JsonObject? iamPolicy = null)
    {
        var type = TypeOf(assetType);
        var fullName = type.FormatFullName(identifiers);
        var stored = new FakeResource(type, fullName, new Dictionary<string, string>(identifiers, StringComparer.Ordinal), (JsonObject)resource.DeepClone());
        StampTokens(stored);
        stored.Iam = (JsonObject?)iamPolicy?.DeepClone();
        if (stored.Iam is not null)
        {
            StampIam(stored);
        }

        lock (_gate)
        {
            _resources[Key(assetType, fullName)] = stored;
        }

        return fullName;
    }

    /// <summary>Stores a resource named by its full resource name.</summary>
    public string Seed(string assetType, string fullName, JsonObject resource, JsonObject? iamPolicy = null)
    {
        var type = TypeOf(assetType);
        var ids = type.ParseFullName(fullName) ?? throw new ArgumentException($"'{fullName}' is not a {assetType} name.", nameof(fullName));
        return Seed(assetType, ids, resource, iamPolicy);
    }

    /// <summary>
    /// Makes the resource report <paramref name="transitionalValue"/> in its readiness field for the next
    /// <paramref name="readsUntilReady"/> GETs, then its first ready value (e.g. PENDING_CREATE → RUNNABLE).
    /// </summary>
    public void SetPending(string assetType, string fullName, string transitionalValue, int readsUntilReady)
    {
        lock (_gate)
        {
            var stored = Find(assetType, fullName) ?? throw new KeyNotFoundException(fullName);
            var rule = stored.Type.Readiness ?? throw new InvalidOperationException($"{assetType} has no readiness rule.");
            stored.PendingValue = transitionalValue;
            stored.ReadsUntilReady = readsUntilReady;
            SetField(stored.Body, rule.Field, transitionalValue);
        }
    }

    /// <summary>A copy of the stored resource, or null if absent (deleted or never seeded).</summary>
    public JsonObject? GetResource(string assetType, string fullName)
    {
        lock (_gate)
        {
            return (JsonObject?)Find(assetType, fullName)?.Body.DeepClone();
        }
    }

    /// <summary>A copy of the stored IAM policy, or null.</summary>
    public JsonObject? GetIamPolicy(string assetType, string fullName)
    {
        lock (_gate)
        {
            return (JsonObject?)Find(assetType, fullName)?.Iam?.DeepClone();
        }
    }

    /// <summary>Deletes a stored resource (as if someone deleted it out of band).</summary>
    public bool Remove(string assetType, string fullName)
    {
        lock (_gate)
        {
            return _resources.Remove(Key(assetType, fullName));
        }
    }

    /// <summary>Sets a project's ancestors as CAI reports them, nearest first (e.g. folders/1, organizations/2).</summary>
    public void SetProjectAncestry(string project, params string[] ancestors)
    {
        lock (_gate)
        {
            _ancestry[project] = ancestors;
        }
    }

    /// <summary>The next <paramref name="times"/> requests whose host/path?query contains <paramref name="pathContains"/> fail with <paramref name="status"/>.</summary>
    public void InjectFault(string pathContains, int status, int times = 1, string? body = null)
    {
        lock (_gate)
        {
            _faults.Add(new FakeFault(pathContains, status, times, body ?? GoogleErrors.For(status, $"Injected {status}.")));
        }
    }

    /// <summary>Forgets the call log.</summary>
    public void ClearCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private ResourceType TypeOf(string assetType) =>
        Catalog.Find(assetType) ?? throw new ArgumentException($"'{assetType}' is not in the catalog.", nameof(assetType));

    private static string Key(string assetType, string fullName) => assetType + "|" + fullName;

    private FakeResource? Find(string assetType, string fullName) => _resources.GetValueOrDefault(Key(assetType, fullName));

    private string NextId() => Interlocked.Increment(ref _sequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static void SetField(JsonObject root, string dotted, string value)
    {
        var dot = dotted.LastIndexOf('.');
        var parent = dot < 0 ? root : JsonMerge.At(root, dotted[..dot]);
        parent[dotted[(dot + 1)..]] = value;
    }

    // Each API family's concurrency tokens, refreshed after every change.
    private static void StampTokens(FakeResource r)
    {
        var g = r.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (r.Type.Concurrency)
        {
            case ConcurrencyStyle.Fingerprint:
                r.Body["fingerprint"] = Convert.ToBase64String(BitConverter.GetBytes(r.Generation * 7919));
                if (r.Body.ContainsKey("labels") || r.Body.ContainsKey("labelFingerprint"))
                {
                    r.Body["labelFingerprint"] = Convert.ToBase64String(BitConverter.GetBytes(r.Generation * 104729));
                }

                break;
            case ConcurrencyStyle.Metageneration:
                r.Body["metageneration"] = g;
                r.Body["etag"] = "CA" + g + "=";
                break;
            default:
                r.Body["etag"] = "etag-" + g;
                break;
        }
    }

    private static void StampIam(FakeResource r)
    {
        r.Iam!["etag"] = "BwX" + r.IamGeneration.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "=";
        r.Iam["version"] ??= 1;
    }
}
