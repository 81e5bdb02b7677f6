namespace Enforcer.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Build_Discipline_Holds() => Assert.True(typeof(SmokeTests).Assembly.GetName().Name == "Enforcer.Core.Tests");
}
