using Enforcer.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcer.Hosting.Storage;

/// <summary>Chooses the store: Firestore on Cloud Run or when an emulator is configured, memory otherwise.</summary>
public static class StoreRegistration
{
    /// <summary>
    /// ENFORCER_STORE=firestore|memory overrides; by default Firestore is used when K_SERVICE (Cloud Run)
    /// or FIRESTORE_EMULATOR_HOST is set.
    /// </summary>
    public static IServiceCollection AddEnforcerStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IEnforcerStore)))
        {
            // The host registered its own store (the CLI's serve shares one between functions).
            return services;
        }

        var choice = configuration["ENFORCER_STORE"];
        var useFirestore = choice is not null
            ? choice.Equals("firestore", StringComparison.OrdinalIgnoreCase)
            : !string.IsNullOrEmpty(configuration["K_SERVICE"]) || !string.IsNullOrEmpty(configuration["FIRESTORE_EMULATOR_HOST"]);
        if (choice is not null && !useFirestore && !choice.Equals("memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"ENFORCER_STORE must be 'firestore' or 'memory', not '{choice}'");
        }

        if (useFirestore)
        {
            return services.AddFirestoreStore(configuration);
        }

        return services.AddSingleton<IEnforcerStore, InMemoryEnforcerStore>();
    }
}
