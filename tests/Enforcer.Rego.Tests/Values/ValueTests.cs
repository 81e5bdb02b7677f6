using Enforcer.Rego.Values;

namespace Enforcer.Rego.Tests.Values;

public class ValueTests
{
    [Fact]
    public void Compare_AcrossKinds_FollowsOpaOrder()
    {
        Value[] ordered =
        [
            Value.Null,
            Value.False,
            Value.True,
            Value.From(-5),
            Value.From("a"),
            new ArrayValue([Value.From(1)]),
            ObjectValue.Empty,
            SetValue.Empty,
        ];
        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.True(Value.Compare(ordered[i - 1], ordered[i]) < 0, $"{ordered[i - 1]} < {ordered[i]}");
        }
    }

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("100000000000000000000000", "1e23")]
    [InlineData("0.5", "5e-1")]
    public void Numbers_DifferentSpellings_AreEqualWithEqualHashes(string a, string b)
    {
        var x = NumberValue.TryParse(a)!;
        var y = NumberValue.TryParse(b)!;
        Assert.Equal(x, y);
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
    }

    [Fact]
    public void Add_Int64Overflow_PromotesToBigInteger()
    {
        var sum = NumberValue.Add(NumberValue.FromInt64(long.MaxValue), NumberValue.One);
        Assert.Equal("9223372036854775808", sum.ToString());
        Assert.True(sum.IsInteger);
    }

    [Fact]
    public void Divide_NonExact_GivesDecimal()
    {
        Assert.Equal("2.5", NumberValue.Divide(Value.From(5), Value.From(2))!.ToString());
        Assert.Null(NumberValue.Divide(Value.From(5), NumberValue.Zero));
    }

    [Fact]
    public void Set_Create_SortsAndDeduplicates()
    {
        var set = SetValue.Create([Value.From(3), Value.From("x"), Value.From(1), Value.From(3)]);
        Assert.Equal("{1, 3, \"x\"}", set.ToString());
        Assert.True(set.Contains(Value.From(1)));
        Assert.False(set.Contains(Value.From(2)));
    }

    [Fact]
    public void Json_RoundTrip_KeepsValuesAndSortsKeys()
    {
        var value = RegoJson.Parse("""{"b": [1, 2.5, "s", null, true], "a": {"x": 12345678901234567890123}}""");
        Assert.Equal("""{"a":{"x":12345678901234567890123},"b":[1,2.5,"s",null,true]}""", value.ToJson());
        var obj = Assert.IsType<ObjectValue>(value);
        Assert.True(obj.TryGetValue("b", out var b));
        Assert.Equal(5, ((ArrayValue)b).Count);
    }

    [Fact]
    public void Object_LastDuplicateKeyWins()
    {
        var obj = ObjectValue.Create([new(Value.From("k"), Value.From(1)), new(Value.From("k"), Value.From(2))]);
        Assert.Single(obj);
        Assert.Equal(Value.From(2), obj["k"]);
    }
}
