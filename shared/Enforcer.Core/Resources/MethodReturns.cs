namespace Enforcer.Core.Resources;

/// <summary>What a method's response holds.</summary>
public enum MethodReturns
{
    /// <summary>The updated resource.</summary>
    Resource,

    /// <summary>A long-running operation in the type's <see cref="OperationStyle"/>.</summary>
    Operation,

    /// <summary>An empty body.</summary>
    Empty,

    /// <summary>The IAM policy now in force.</summary>
    Policy,
}
