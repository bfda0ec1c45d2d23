namespace Telemetry.Generators.SourceGeneration.Model;

/// <summary>
/// The policy that turns parameter and enum member names into property keys and values.
/// </summary>
internal enum NamingPolicy
{
    /// <summary><c>numStorySteps</c> → <c>num_story_steps</c> (the default).</summary>
    SnakeCase,

    /// <summary><c>numStorySteps</c> → <c>numStorySteps</c>.</summary>
    CamelCase,

    /// <summary><c>numStorySteps</c> → <c>NumStorySteps</c>.</summary>
    PascalCase,

    /// <summary><c>numStorySteps</c> → <c>num-story-steps</c>.</summary>
    KebabCase,

    /// <summary>The name exactly as declared, without a leading <c>@</c>.</summary>
    AsDeclared,
}

/// <summary>
/// Build settings read from MSBuild properties and the parse options.
/// </summary>
/// <param name="Naming">The naming policy for keys and enum values.</param>
/// <param name="InvalidNaming">The raw <c>TelemetryPropertyNaming</c> value when it is not a known policy, else null.</param>
/// <param name="SupportsNullable">Whether the language version has nullable reference types (C# 8 and later).</param>
internal sealed record GeneratorOptions(NamingPolicy Naming, string? InvalidNaming, bool SupportsNullable);
