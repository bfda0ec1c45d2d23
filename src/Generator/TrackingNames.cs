namespace Telemetry.Generators.SourceGeneration;

/// <summary>
/// Names of the generator's incremental steps, so tests can check which steps were cached.
/// </summary>
internal static class TrackingNames
{
    /// <summary>The step that turns each attributed method into an <c>EventMethodInfo</c>.</summary>
    public const string Methods = nameof(Methods);

    /// <summary>The step that reads build properties and the language version.</summary>
    public const string Options = nameof(Options);

    /// <summary>The step that groups methods into one model per containing type.</summary>
    public const string Types = nameof(Types);
}
