namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Equivalence keys of the code actions. Fix-all applies every action that shares the key of the one the user picked,
/// so each kind of edit keeps one key, whatever its title is.
/// </summary>
internal static class EquivalenceKeys
{
    /// <summary>Adds <c>partial</c> to an event method and to the types that contain it.</summary>
    public const string MakePartial = "Telemetry.MakePartial";

    /// <summary>Removes the body of an event method, so that the generator writes it.</summary>
    public const string RemoveEventMethodBody = "Telemetry.RemoveEventMethodBody";

    /// <summary>Declares an event method as <c>partial void</c> without <c>async</c> or a body.</summary>
    public const string ReturnVoid = "Telemetry.ReturnVoid";

    /// <summary>Removes an <c>out</c>, <c>ref</c>, <c>params</c> or <c>scoped</c> modifier from a parameter.</summary>
    public const string RemoveParameterModifier = "Telemetry.RemoveParameterModifier";

    /// <summary>Gives a parameter a property key that no other parameter of the method sends.</summary>
    public const string RenamePropertyKey = "Telemetry.RenamePropertyKey";
}
