using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

// Recording the first problem found. The walk stops at it, so every container on the way back out contains the
// offending type, and the innermost of them names where it sits.
internal sealed partial class ValueClassifier
{
    private enum FailureKind
    {
        Unsupported,
        Cycle,
        TooLarge,

        // The compiler already reports an error type, so no problem is reported for it.
        Unresolved,
    }

    private ValueInfo Fail(ITypeSymbol type, string reason) => Fail(FailureKind.Unsupported, type, reason);

    private ValueInfo Fail(FailureKind kind, ITypeSymbol type, string reason)
    {
        failure ??= new Failure(kind, type, reason);
        return ValueInfo.Unsupported;
    }

    /// <summary>Records a cycle from the object at <paramref name="start"/> in the path back to it.</summary>
    private ValueInfo FailCycle(int start, INamedTypeSymbol type)
    {
        var steps = objectPath.Skip(start).Select(frame => frame.Type.ToDisplayString(ShortTypeFormat) + "."
            + frame.Member);
        var path = string.Join(" → ", steps.Concat(new[] { type.ToDisplayString(ShortTypeFormat) }));
        failure ??= new Failure(FailureKind.Cycle, type, string.Empty) { CyclePath = path };
        return ValueInfo.Unsupported;
    }

    /// <summary>
    /// Names where the offending type sits, e.g. <c>the elements of List&lt;Action&gt; are</c>, unless a container
    /// nearer to it already has.
    /// </summary>
    private void Locate(string location)
    {
        if (failure is { Kind: FailureKind.Unsupported, Location: null })
        {
            failure.Location = location;
        }
    }

    /// <summary>An object whose properties are being read, and the property being read now.</summary>
    private sealed class ObjectFrame
    {
        public ObjectFrame(INamedTypeSymbol type)
        {
            Type = type;
        }

        public INamedTypeSymbol Type { get; }

        public string Member { get; set; } = string.Empty;
    }

    /// <summary>The first problem found: the offending type, why, and where it sits in the parameter type.</summary>
    private sealed class Failure
    {
        public Failure(FailureKind kind, ITypeSymbol type, string reason)
        {
            Kind = kind;
            Type = type;
            Reason = reason;
        }

        public FailureKind Kind { get; }

        public ITypeSymbol Type { get; }

        public string Reason { get; }

        public string? Location { get; set; }

        public string? CyclePath { get; set; }

        /// <summary>
        /// Returns e.g. <c>System.Action has no JSON form ...</c>, or with a location
        /// <c>the elements of List&lt;System.Action&gt; are System.Action, which has no JSON form ...</c>.
        /// </summary>
        public string Describe() =>
            Location is null
                ? Display(Type) + " " + Reason
                : Location + " " + Display(Type) + ", which " + Reason;
    }
}
