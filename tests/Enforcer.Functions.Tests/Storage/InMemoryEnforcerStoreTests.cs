using Enforcer.Core.Storage;

namespace Enforcer.Functions.Tests.Storage;

public sealed class InMemoryEnforcerStoreTests : EnforcerStoreContract
{
    protected override Task<IEnforcerStore> CreateStoreAsync() => Task.FromResult<IEnforcerStore>(new InMemoryEnforcerStore());
}
