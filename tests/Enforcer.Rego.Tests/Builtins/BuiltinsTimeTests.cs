namespace Enforcer.Rego.Tests.Builtins;

public class BuiltinsTimeTests
{
    private const string File = "time.json";

    public static TheoryData<string> Cases => BuiltinFixture.Ids(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_Case_MatchesOpa(string id) => BuiltinFixture.Get(File, id).Verify();
}
