namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Ids of the diagnostics that the code fixes in this assembly handle. The generator's descriptors are internal to
/// its assembly, so the ids are repeated here. A test checks them against the analyzers' supported diagnostics.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>TEL0001: an event method is <c>async</c> or an async iterator.</summary>
    public const string AsyncEventMethod = "TEL0001";

    /// <summary>TEL0002: an event method returns something other than <c>void</c>.</summary>
    public const string EventMethodMustReturnVoid = "TEL0002";

    /// <summary>TEL0005: an event method is not a partial definition without a body.</summary>
    public const string EventMethodNotPartial = "TEL0005";

    /// <summary>TEL0006: a type that contains an event method is not partial.</summary>
    public const string ContainingTypeNotPartial = "TEL0006";

    /// <summary>TEL0007: a parameter is <c>out</c>, <c>ref</c>, <c>params</c> or <c>scoped</c>.</summary>
    public const string InvalidParameterModifier = "TEL0007";

    /// <summary>TEL0011: two parameters map to the same property key.</summary>
    public const string DuplicatePropertyKey = "TEL0011";

    /// <summary>CS0751, reported by the compiler: a partial method is declared in a type that is not partial.</summary>
    public const string PartialMethodInNonPartialType = "CS0751";
}
