using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Diagnostics;

/// <summary>
/// The descriptors of every diagnostic this assembly reports. Ids are never reused once retired, and each help link
/// points at the rule's page in <c>docs/diagnostics/</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The address of the <c>docs/diagnostics/</c> folder in the project's repository.</summary>
    public const string HelpLinkBase =
        "https://github.com/telemetry-generators/Telemetry.Generators/blob/main/docs/diagnostics/";

    private const string DeclarationCategory = "Telemetry.Declaration";
    private const string PropertiesCategory = "Telemetry.Properties";

    /// <summary>TEL0001: an event method is <c>async</c> or returns an async iterator.</summary>
    public static readonly DiagnosticDescriptor AsyncEventMethod = Error(
        "TEL0001",
        DeclarationCategory,
        "Event method is async or an async iterator",
        "Event method '{0}' {1}; an event is a fire-and-forget call, so declare it 'partial void' without 'async'");

    /// <summary>TEL0002: an event method returns something other than <c>void</c>.</summary>
    public static readonly DiagnosticDescriptor EventMethodMustReturnVoid = Error(
        "TEL0002",
        DeclarationCategory,
        "Event method must return void",
        "Event method '{0}' returns '{1}'; declare it to return void, because the generated body returns nothing");

    /// <summary>TEL0003: a parameter's type cannot be written as JSON.</summary>
    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "TEL0003",
        PropertiesCategory,
        "Parameter type cannot be sent as a property",
        "Parameter '{0}' has type '{1}', which cannot be sent as a property: {2}. Supported types are string, bool, "
            + "char, numbers, enums, Guid, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Uri, Version, "
            + "nullable values of these, arrays, IEnumerable<T>, dictionaries with string keys, and classes, structs "
            + "and records whose public properties are all supported.");

    /// <summary>TEL0004: a parameter's type contains itself through its properties.</summary>
    public static readonly DiagnosticDescriptor PropertyTypeCycle = Error(
        "TEL0004",
        PropertiesCategory,
        "Parameter type contains itself",
        "Parameter '{0}' has type '{1}', whose properties form a cycle ({2}); send an identifier or a flattened "
            + "type instead");

    /// <summary>TEL0005: an event method is not a partial definition without a body.</summary>
    public static readonly DiagnosticDescriptor EventMethodNotPartial = Error(
        "TEL0005",
        DeclarationCategory,
        "Event method must be a partial method without a body",
        "Event method '{0}' must be a 'partial' method of a type, declared with no body, so that the generator can "
            + "write its body");

    /// <summary>TEL0006: a type that contains an event method is not partial.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "TEL0006",
        DeclarationCategory,
        "Type containing an event method must be partial",
        "Type '{0}' must be declared 'partial', because it contains the event method '{1}'");

    /// <summary>TEL0007: a parameter is <c>out</c>, <c>ref</c>, <c>params</c> or <c>scoped</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidParameterModifier = Error(
        "TEL0007",
        DeclarationCategory,
        "Event parameter has an invalid modifier",
        "Parameter '{0}' of event method '{1}' is declared '{2}'; remove the modifier, because event parameters are "
            + "only read");

    /// <summary>TEL0008: an event method has more than one source of <c>TelemetryClient</c>.</summary>
    public static readonly DiagnosticDescriptor MultipleClientSources = Error(
        "TEL0008",
        DeclarationCategory,
        "Event method has more than one client",
        "Event method '{0}' can send through {1}; keep exactly one TelemetryClient parameter, field or property");

    /// <summary>TEL0009: a member or parameter name uses the prefix that generated code reserves.</summary>
    public static readonly DiagnosticDescriptor ReservedMemberName = Error(
        "TEL0009",
        DeclarationCategory,
        "Member name uses a reserved prefix",
        "Name '{0}' starts with '__Telemetry', which generated code reserves in types with event methods and in their "
            + "parameters; rename it");

    /// <summary>TEL0010: an event name is empty, padded, too long or contains control characters.</summary>
    public static readonly DiagnosticDescriptor InvalidEventName = Error(
        "TEL0010",
        DeclarationCategory,
        "Event name is invalid",
        "Event name {0} of method '{1}' is invalid: {2}");

    /// <summary>TEL0011: two parameters map to the same property key.</summary>
    public static readonly DiagnosticDescriptor DuplicatePropertyKey = Error(
        "TEL0011",
        PropertiesCategory,
        "Two parameters send the same property key",
        "Parameter '{0}' sends the property key '{1}', which parameter '{2}' already sends; give one of them another "
            + "key with [TelemetryProperty(\"...\")]");

    /// <summary>TEL0012: a <c>[TelemetryProperty]</c> key is null, empty or whitespace.</summary>
    public static readonly DiagnosticDescriptor EmptyPropertyKey = Error(
        "TEL0012",
        PropertiesCategory,
        "Property key is empty",
        "The [TelemetryProperty] key of parameter '{0}' is {1}; give a key or remove the attribute");

    /// <summary>TEL0013: one event name is declared twice with different properties.</summary>
    public static readonly DiagnosticDescriptor TrackingPlanConflict = new(
        id: "TEL0013",
        title: "Event is declared twice with different properties",
        messageFormat: "Event \"{0}\" is also declared by '{1}' with different properties ({2}); declarations of one "
            + "event should send the same keys with the same types, or analytics will see conflicting schemas",
        category: "Telemetry.TrackingPlan",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "TEL0013.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>TEL0100: the MSBuild property <c>TelemetryPropertyNaming</c> has a value that is not a policy.</summary>
    public static readonly DiagnosticDescriptor InvalidNamingPolicy = Error(
        "TEL0100",
        "Telemetry.Configuration",
        "Invalid TelemetryPropertyNaming value",
        "The MSBuild property TelemetryPropertyNaming is '{0}', which is not a naming policy; use SnakeCase, "
            + "CamelCase, PascalCase, KebabCase or AsDeclared. Keys use SnakeCase until it is fixed.");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) => new(
        id,
        title,
        message,
        category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + id + ".md");
}
