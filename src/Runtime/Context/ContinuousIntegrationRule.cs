using System;

namespace Telemetry.Generators;

/// <summary>
/// One environment-variable test that marks a continuous integration (CI) build.
/// </summary>
internal sealed class ContinuousIntegrationRule
{
    private ContinuousIntegrationRule(ContinuousIntegrationRuleKind kind, string[] variables, string? expectedValue)
    {
        Kind = kind;
        Variables = variables;
        ExpectedValue = expectedValue;
    }

    /// <summary>Kind of test.</summary>
    internal ContinuousIntegrationRuleKind Kind { get; }

    /// <summary>Variable names that the rule reads. Only <see cref="ContinuousIntegrationRuleKind.AllSet"/>
    /// reads more than one.</summary>
    internal string[] Variables { get; }

    /// <summary>Value that <see cref="ContinuousIntegrationRuleKind.EqualTo"/> compares with, ignoring case.</summary>
    internal string? ExpectedValue { get; }

    internal static ContinuousIntegrationRule Set(string variable) =>
        new(ContinuousIntegrationRuleKind.Set, new[] { variable }, expectedValue: null);

    internal static ContinuousIntegrationRule True(string variable) =>
        new(ContinuousIntegrationRuleKind.True, new[] { variable }, expectedValue: null);

    internal static ContinuousIntegrationRule AllSet(params string[] variables) =>
        new(ContinuousIntegrationRuleKind.AllSet, variables, expectedValue: null);

    internal static ContinuousIntegrationRule EqualTo(string variable, string value) =>
        new(ContinuousIntegrationRuleKind.EqualTo, new[] { variable }, value);

    /// <summary>
    /// Returns whether the variables that <paramref name="getVariable"/> returns satisfy this rule.
    /// </summary>
    internal bool Matches(Func<string, string?> getVariable)
    {
        switch (Kind)
        {
            case ContinuousIntegrationRuleKind.Set:
                return IsSet(getVariable(Variables[0]));

            case ContinuousIntegrationRuleKind.True:
                return IsTrue(getVariable(Variables[0]));

            case ContinuousIntegrationRuleKind.EqualTo:
                string? value = getVariable(Variables[0]);
                return value is not null
                    && string.Equals(value.Trim(), ExpectedValue, StringComparison.OrdinalIgnoreCase);

            case ContinuousIntegrationRuleKind.AllSet:
                foreach (string variable in Variables)
                {
                    if (!IsSet(getVariable(variable)))
                    {
                        return false;
                    }
                }

                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// Returns whether <paramref name="value"/> is <c>true</c>, <c>1</c>, <c>yes</c> or <c>on</c>, ignoring case
    /// and surrounding white space.
    /// </summary>
    internal static bool IsTrue(string? value)
    {
        if (value is null)
        {
            return false;
        }

        string trimmed = value.Trim();
        return string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, "1", StringComparison.Ordinal)
            || string.Equals(trimmed, "yes", StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, "on", StringComparison.OrdinalIgnoreCase);
    }

    // Windows cannot store an empty variable, so an empty or blank value counts as unset on every platform.
    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
