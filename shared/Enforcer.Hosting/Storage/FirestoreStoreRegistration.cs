using System.Globalization;
using Enforcer.Core.Storage;
using Enforcer.Google.Firestore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcer.Hosting.Storage;

/// <summary>Registers the Firestore store: emulator when FIRESTORE_EMULATOR_HOST is set, ADC otherwise.</summary>
public static class FirestoreStoreRegistration
{
    public const int DefaultRetentionDays = 90;

    public static IServiceCollection AddFirestoreStore(this IServiceCollection services, IConfiguration configuration)
    {
        var retentionText = configuration["ENFORCER_RETENTION_DAYS"];
        var retentionDays = DefaultRetentionDays;
        if (retentionText is not null && (!int.TryParse(retentionText, NumberStyles.None, CultureInfo.InvariantCulture, out retentionDays) || retentionDays < 1))
        {
            throw new InvalidOperationException($"ENFORCER_RETENTION_DAYS must be a positive whole number of days, not '{retentionText}'");
        }

        services.AddSingleton(new FirestoreStoreOptions(TimeSpan.FromDays(retentionDays)));
        services.AddSingleton(provider =>
        {
            var options = FirestoreClientOptions.FromEnvironment(configuration["GOOGLE_CLOUD_PROJECT"], name => configuration[name]);
            // ConnectAsync only resolves credentials; blocking once at start-up keeps DI synchronous.
            return FirestoreClient.ConnectAsync(options, provider.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult();
        });
        return services.AddSingleton<IEnforcerStore, FirestoreEnforcerStore>();
    }
}
