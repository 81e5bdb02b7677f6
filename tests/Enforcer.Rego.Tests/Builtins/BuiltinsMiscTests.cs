namespace Enforcer.Rego.Tests.Builtins;

public class BuiltinsMiscTests
{
    private const string File = "misc.json";

    public static TheoryData<string> Cases => BuiltinFixture.Ids(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_Case_MatchesOpa(string id) => BuiltinFixture.Get(File, id).Verify();
}
