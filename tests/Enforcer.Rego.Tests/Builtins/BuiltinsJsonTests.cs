namespace Enforcer.Rego.Tests.Builtins;

public class BuiltinsJsonTests
{
    private const string File = "json.json";

    public static TheoryData<string> Cases => BuiltinFixture.Ids(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_Case_MatchesOpa(string id) => BuiltinFixture.Get(File, id).Verify();
}
