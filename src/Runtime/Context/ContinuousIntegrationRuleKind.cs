namespace Telemetry.Generators;

/// <summary>
/// How a <see cref="ContinuousIntegrationRule"/> tests its environment variables.
/// </summary>
internal enum ContinuousIntegrationRuleKind
{
    /// <summary>The variable has a value that is not empty or blank. Used for variables that carry data, such
    /// as a URL, a build id or a version.</summary>
    Set,

    /// <summary>The variable is a Boolean flag and its value is <c>true</c>, <c>1</c>, <c>yes</c> or <c>on</c>,
    /// in any case.</summary>
    True,

    /// <summary>Every variable of the group has a value that is not empty or blank.</summary>
    AllSet,

    /// <summary>The variable's value equals an expected text, ignoring case and surrounding white space.</summary>
    EqualTo,
}
