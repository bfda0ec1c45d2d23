namespace Telemetry.Generators.SourceGeneration.Model;

/// <summary>
/// The chain of types that contain an event method, outermost first, enough to re-declare each as a partial part.
/// </summary>
/// <param name="Namespace">The containing namespace without <c>global::</c>, or an empty string for the global one.</param>
/// <param name="Types">Each containing type, outermost first.</param>
/// <param name="HintName">A file name unique to the innermost type, e.g. <c>MyApp.Outer+Box`1.g.cs</c>.</param>
/// <param name="QualifiedName">The innermost type as written in code, e.g. <c>global::MyApp.Outer.Box&lt;T&gt;</c>.</param>
internal sealed record HierarchyInfo(
    string Namespace,
    EquatableArray<TypeDeclarationInfo> Types,
    string HintName,
    string QualifiedName);

/// <summary>
/// One containing type as it is re-declared: <c>{Modifiers} partial {Keyword} {Name}{TypeParameters}</c>.
/// </summary>
/// <param name="Modifiers">Modifiers the generated part repeats (<c>unsafe</c>, <c>readonly</c>, <c>ref</c>), or empty.</param>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or
/// <c>interface</c>.</param>
/// <param name="Name">The type's identifier, escaped with <c>@</c> when it is a keyword.</param>
/// <param name="TypeParameters">The type parameter list with variance, e.g. <c>&lt;T, out U&gt;</c>, or empty.</param>
internal sealed record TypeDeclarationInfo(string Modifiers, string Keyword, string Name, string TypeParameters);
