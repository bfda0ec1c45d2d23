using System.Linq;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Why well-known kinds of types cannot be sent as property values. Each reason is a predicate that reads after the
/// type's name and after ", which", e.g. "is a task, so await it and send the result instead".
/// </summary>
internal static class UnsupportedTypeReasons
{
    public const string General = "has no JSON form";

    public const string Delegate = "has no JSON form because delegates are code, not data";

    public const string Pointer =
        "has no JSON form because pointers are memory addresses, which mean nothing outside the process";

    public const string NoStaticShape = "has no static shape to write as JSON, so use a concrete type instead";

    public const string TypeParameter = "is a type parameter with no fixed JSON form, so use a concrete type instead";

    public const string RefStruct =
        "is a ref struct, which cannot be kept until the event is sent, so copy it into an array or a string first";

    public const string Task = "is a task, so await it and send the result instead";

    public const string Stream = "is a stream, so send a summary such as its length instead";

    public const string Reflection = "describes code through reflection, so send its name instead";

    public const string Exception = "is an exception, which belongs in error reporting rather than analytics, so send "
        + "its type name or a message instead";

    public const string Tuple =
        "is a tuple, whose elements have no names to use as JSON keys, so use a record instead";

    public const string KeyValuePair = "is a key-value pair, so send a dictionary with string keys instead";

    public const string AsyncSequence =
        "is an asynchronous sequence, so collect it into a list and send that instead";

    public const string NonGenericCollection =
        "is a non-generic collection, whose element type is unknown at compile time, so use IEnumerable<T> instead";

    public const string SeveralElementTypes =
        "implements IEnumerable<T> for more than one element type, so it has no single JSON form";

    public const string RuntimeType = "is a type of the telemetry runtime, not a value to send";

    public const string FrameworkType = "is a .NET library type without a JSON form here, and only types outside the "
        + "System and Microsoft namespaces are sent as objects";

    public const string FileLocal = "is a file-local type, which the generated file cannot name";

    public const string NoProperties =
        "has no public instance properties with a public getter to send, and fields are not sent";

    /// <summary>
    /// Returns the reason a struct, class, interface or delegate cannot be sent whatever its members, or null when
    /// it may still be a sequence, dictionary or object.
    /// </summary>
    public static string? Find(INamedTypeSymbol type)
    {
        if (type.IsRefLikeType)
        {
            return RefStruct;
        }

        if (type.TypeKind == TypeKind.Delegate
            || type.SpecialType is SpecialType.System_Delegate or SpecialType.System_MulticastDelegate)
        {
            return Delegate;
        }

        if (type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
        {
            return NoStaticShape;
        }

        // Reference assemblies of .NET 7 and later make the compiler treat IntPtr as nint, even under C# 7.3, so only
        // older targets such as netstandard2.0 reach this.
        // NOTE: no test covers this branch, because the tests compile against .NET 10 reference assemblies only.
        if (type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            var keyword = type.SpecialType == SpecialType.System_IntPtr ? "nint" : "nuint";
            return "is a handle or address that means nothing outside the process, so declare it as " + keyword
                + " if it holds a number";
        }

        if (type.IsTupleType || IsIn(type, "System", "Tuple") || IsIn(type, "System", "ValueTuple"))
        {
            return Tuple;
        }

        if (IsIn(type, "System.Collections.Generic", "KeyValuePair"))
        {
            return KeyValuePair;
        }

        if (DerivesFrom(type, "System.Threading.Tasks", "Task") || IsIn(type, "System.Threading.Tasks", "ValueTask"))
        {
            return Task;
        }

        if (DerivesFrom(type, "System.IO", "Stream"))
        {
            return Stream;
        }

        if (DerivesFrom(type, "System.Reflection", "MemberInfo")
            || DerivesFrom(type, "System.Reflection", "Assembly")
            || DerivesFrom(type, "System.Reflection", "Module")
            || DerivesFrom(type, "System.Reflection", "ParameterInfo"))
        {
            return Reflection;
        }

        if (DerivesFrom(type, "System", "Exception"))
        {
            return Exception;
        }

        return type.ContainingNamespace?.ToDisplayString() == "Telemetry.Generators" ? RuntimeType : null;
    }

    /// <summary>
    /// Returns the reason a type that is neither a sequence nor a dictionary cannot be sent as an object, or null
    /// when its properties may be read.
    /// </summary>
    public static string? FindForObject(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return General;
        }

        if (IsAsyncSequence(type))
        {
            return AsyncSequence;
        }

        if (type.AllInterfaces.Any(candidate => candidate.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            return NonGenericCollection;
        }

        if (RootNamespace(type) is "System" or "Microsoft")
        {
            return FrameworkType;
        }

        if (type.IsFileLocal)
        {
            return FileLocal;
        }

        return FindTypeParameterArgument(type) is { } typeParameter
            ? "is constructed from the type parameter " + typeParameter.Name + ", which generated helpers cannot "
                + "name, so use a concrete type argument instead"
            : null;
    }

    /// <summary>Returns the reason a dictionary whose keys are <paramref name="keyType"/> cannot be sent.</summary>
    public static string NonStringKeys(ITypeSymbol keyType) =>
        "has " + keyType.ToDisplayString() + " keys, but JSON object keys are strings, so convert the keys to strings "
            + "first";

    /// <summary>Returns the reason a multi-dimensional array cannot be sent, naming its jagged equivalent.</summary>
    public static string MultiDimensionalArray(IArrayTypeSymbol array) =>
        "is a multi-dimensional array, which JSON cannot express, so use a jagged array such as "
            + array.ElementType.ToDisplayString() + string.Concat(Enumerable.Repeat("[]", array.Rank)) + " instead";

    private static bool IsAsyncSequence(INamedTypeSymbol type) =>
        IsIn(type, "System.Collections.Generic", "IAsyncEnumerable")
        || type.AllInterfaces.Any(candidate => IsIn(candidate, "System.Collections.Generic", "IAsyncEnumerable"));

    private static bool DerivesFrom(INamedTypeSymbol type, string namespaceName, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsIn(current, namespaceName, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether <paramref name="type"/>, of any arity, is <c>{namespaceName}.{name}</c>.</summary>
    private static bool IsIn(INamedTypeSymbol type, string namespaceName, string name) =>
        type.Name == name
        && type.ContainingType is null
        && type.ContainingNamespace?.ToDisplayString() == namespaceName;

    private static string? RootNamespace(INamedTypeSymbol type)
    {
        var current = type.ContainingNamespace;
        while (current is { ContainingNamespace.IsGlobalNamespace: false })
        {
            current = current.ContainingNamespace;
        }

        return current is null || current.IsGlobalNamespace ? null : current.Name;
    }

    private static ITypeParameterSymbol? FindTypeParameterArgument(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol typeParameter:
                return typeParameter;
            case IArrayTypeSymbol array:
                return FindTypeParameterArgument(array.ElementType);
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (FindTypeParameterArgument(argument) is { } found)
                    {
                        return found;
                    }
                }

                return named.ContainingType is { } outer ? FindTypeParameterArgument(outer) : null;
            default:
                return null;
        }
    }
}
