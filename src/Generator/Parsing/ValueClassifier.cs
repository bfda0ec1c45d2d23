using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Decides how a parameter type becomes JSON. The allowed types are those with a <c>TelemetryValue.From</c>
/// overload, enums, and nullable values, sequences, string-keyed dictionaries and objects of allowed types. Anything
/// else is a problem, explained by the first offending type found.
/// </summary>
/// <remarks>
/// One instance walks one parameter type. It keeps the object types being read, to find cycles, and counts the
/// properties read, to bound the size of the model.
/// </remarks>
internal sealed partial class ValueClassifier
{
    // Nesting deeper than this (e.g. a list of lists of lists ...) is not supported, which also bounds recursion.
    private const int MaxDepth = 8;

    // Objects reached along several paths are described once per path, so this bounds the model of one parameter.
    private const int MaxObjectMembers = 256;

    private static readonly SymbolDisplayFormat ShortTypeFormat = new(
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private readonly List<ObjectFrame> objectPath = new();
    private int objectMemberCount;
    private Failure? failure;

    private ValueClassifier()
    {
    }

    /// <summary>
    /// Classifies <paramref name="type"/>; <see cref="ValueInfo.IsSupported"/> is false when it cannot be written.
    /// </summary>
    public static ValueInfo Classify(ITypeSymbol type) =>
        new ValueClassifier().Classify(type, depth: 0, insideObject: false);

    /// <summary>
    /// Explains why <paramref name="type"/> cannot be sent, or returns null when it can. Also returns null when the
    /// type, or a type inside it, does not resolve, because the compiler already reports that.
    /// </summary>
    public static ValueProblem? FindProblem(ITypeSymbol type)
    {
        var classifier = new ValueClassifier();
        if (classifier.Classify(type, depth: 0, insideObject: false).IsSupported)
        {
            return null;
        }

        return classifier.failure switch
        {
            { Kind: FailureKind.Unresolved } => null,
            { Kind: FailureKind.Cycle } cycle => new ValueProblem(
                ValueProblemKind.Cycle,
                "the properties of " + cycle.Type.ToDisplayString() + " form a cycle (" + cycle.CyclePath + ")",
                cycle.CyclePath),
            { Kind: FailureKind.TooLarge } => new ValueProblem(
                ValueProblemKind.Unsupported,
                Display(type) + " has more than " + MaxObjectMembers + " properties in all, counting those of "
                    + "nested objects, so send a smaller type instead",
                null),
            { } unsupported => new ValueProblem(ValueProblemKind.Unsupported, unsupported.Describe(), null),
            null => new ValueProblem(
                ValueProblemKind.Unsupported,
                Display(type) + " " + UnsupportedTypeReasons.General,
                null),
        };
    }

    /// <param name="insideObject">Whether the value is a property of an object, whose helper is compiled with
    /// nullable annotations disabled, so that type names must carry none.</param>
    private ValueInfo Classify(ITypeSymbol type, int depth, bool insideObject)
    {
        if (failure is { Kind: FailureKind.TooLarge })
        {
            return ValueInfo.Unsupported;
        }

        if (type.TypeKind == TypeKind.Error)
        {
            return Fail(FailureKind.Unresolved, type, UnsupportedTypeReasons.General);
        }

        if (depth > MaxDepth)
        {
            return Fail(type, "is nested more than " + MaxDepth + " levels deep, so send a flatter type instead");
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = Classify(nullable.TypeArguments[0], depth + 1, insideObject);
            return new ValueInfo(ValueKind.Nullable, null, inner, null);
        }

        if (IsDirect(type))
        {
            return ValueInfo.Direct;
        }

        if (FindCast(type) is { } cast)
        {
            return ValueInfo.Converted(cast);
        }

        if (FindFormat(type) is { } format)
        {
            return ValueInfo.Formatted(format);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return new ValueInfo(ValueKind.Enum, null, null, DescribeEnum(enumType));
        }

        return type switch
        {
            IArrayTypeSymbol { IsSZArray: true } array =>
                Container(ValueKind.Sequence, type, array.ElementType, depth, insideObject),
            IArrayTypeSymbol array => Fail(type, UnsupportedTypeReasons.MultiDimensionalArray(array)),
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => Fail(type, UnsupportedTypeReasons.Pointer),
            ITypeParameterSymbol => Fail(type, UnsupportedTypeReasons.TypeParameter),
            IDynamicTypeSymbol => Fail(type, UnsupportedTypeReasons.NoStaticShape),
            INamedTypeSymbol named => ClassifyNamed(named, depth, insideObject),
            _ => Fail(type, UnsupportedTypeReasons.General),
        };
    }

    private ValueInfo ClassifyNamed(INamedTypeSymbol type, int depth, bool insideObject)
    {
        if (UnsupportedTypeReasons.Find(type) is { } reason)
        {
            return Fail(type, reason);
        }

        var dictionary = FindDictionary(type);
        if (dictionary is not null)
        {
            var keyType = dictionary.TypeArguments[0];
            return keyType.SpecialType == SpecialType.System_String
                ? Container(ValueKind.Dictionary, type, dictionary.TypeArguments[1], depth, insideObject)
                : Fail(type, UnsupportedTypeReasons.NonStringKeys(keyType));
        }

        var elementTypes = SelfAndInterfaces(type)
            .Where(candidate => candidate.OriginalDefinition.SpecialType
                == SpecialType.System_Collections_Generic_IEnumerable_T)
            .Select(candidate => candidate.TypeArguments[0])
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();
        if (elementTypes.Count > 0)
        {
            return elementTypes.Count == 1
                ? Container(ValueKind.Sequence, type, elementTypes[0], depth, insideObject)
                : Fail(type, UnsupportedTypeReasons.SeveralElementTypes);
        }

        return UnsupportedTypeReasons.FindForObject(type) is { } objectReason
            ? Fail(type, objectReason)
            : ClassifyObject(type, depth);
    }

    private ValueInfo ClassifyObject(INamedTypeSymbol type, int depth)
    {
        var cycleStart = objectPath.FindIndex(frame => SymbolEqualityComparer.Default.Equals(frame.Type, type));
        if (cycleStart >= 0)
        {
            return FailCycle(cycleStart, type);
        }

        var properties = ObjectMemberReader.Read(type, out var problem);
        if (problem is not null)
        {
            return Fail(type, problem);
        }

        var frame = new ObjectFrame(type);
        objectPath.Add(frame);
        var members = new List<ObjectMemberInfo>(properties.Count);
        foreach (var property in properties)
        {
            frame.Member = property.Name;
            if (++objectMemberCount > MaxObjectMembers)
            {
                failure = new Failure(FailureKind.TooLarge, type, string.Empty);
                break;
            }

            var value = Classify(property.Type, depth + 1, insideObject: true);
            if (!value.IsSupported)
            {
                Locate("property " + property.ContainingType.ToDisplayString() + "." + property.Name + " has type");
                break;
            }

            members.Add(new ObjectMemberInfo(SymbolFormats.EscapeIdentifier(property.Name), property.Name, value));
        }

        objectPath.RemoveAt(objectPath.Count - 1);
        if (members.Count < properties.Count)
        {
            return ValueInfo.Unsupported;
        }

        var qualifiedName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return ValueInfo.ForObject(new ObjectInfo(
            qualifiedName,
            type.IsValueType,
            new EquatableArray<ObjectMemberInfo>(members)));
    }

    private ValueInfo Container(
        ValueKind kind,
        ITypeSymbol containerType,
        ITypeSymbol elementType,
        int depth,
        bool insideObject)
    {
        var element = Classify(elementType, depth + 1, insideObject);
        if (!element.IsSupported)
        {
            var role = kind == ValueKind.Sequence ? "elements" : "values";
            Locate("the " + role + " of " + Display(containerType) + " are");
        }

        var format = insideObject ? SymbolDisplayFormat.FullyQualifiedFormat : SymbolFormats.Type;
        return new ValueInfo(kind, elementType.ToDisplayString(format), element, null);
    }

    private static INamedTypeSymbol? FindDictionary(INamedTypeSymbol type)
    {
        // A type that is a dictionary for string keys and for other keys as well is sent by its string keys.
        INamedTypeSymbol? found = null;
        foreach (var candidate in SelfAndInterfaces(type))
        {
            var definition = candidate.OriginalDefinition;
            var isDictionary = definition is { Arity: 2, Name: "IDictionary" or "IReadOnlyDictionary" }
                && definition.ContainingNamespace.ToDisplayString() == "System.Collections.Generic";
            if (isDictionary && (found is null || candidate.TypeArguments[0].SpecialType == SpecialType.System_String))
            {
                found = candidate;
            }
        }

        return found;
    }

    private static IEnumerable<INamedTypeSymbol> SelfAndInterfaces(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            yield return type;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }

    /// <summary>
    /// Formats a type for a message as the compiler does, except that multi-dimensional arrays read <c>int[,]</c>
    /// rather than <c>int[*,*]</c>.
    /// </summary>
    private static string Display(ITypeSymbol type) =>
        type is IArrayTypeSymbol { IsSZArray: false } array
            ? array.ElementType.ToDisplayString() + "[" + new string(',', array.Rank - 1) + "]"
            : type.ToDisplayString();
}
