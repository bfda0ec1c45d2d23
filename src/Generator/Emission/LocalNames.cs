using System.Collections.Generic;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// Chooses names for the locals and lambda parameters of one generated method that cannot collide with the user's
/// parameter names: <c>__client</c>, or <c>__client_</c> when a parameter already has that name, and so on.
/// </summary>
internal sealed class LocalNames
{
    private readonly HashSet<string> usedNames;
    private readonly List<string> items = new();

    public LocalNames(IEnumerable<string> parameterNames)
    {
        usedNames = new HashSet<string>(parameterNames);
        Client = Pick("__client");
        Properties = Pick("__properties");
        Exception = Pick("__exception");
    }

    public string Client { get; }

    public string Properties { get; }

    public string Exception { get; }

    /// <summary>Returns the lambda parameter name for a sequence or dictionary element at <paramref name="depth"/>.</summary>
    public string Item(int depth)
    {
        while (items.Count <= depth)
        {
            items.Add(Pick("__item" + items.Count));
        }

        return items[depth];
    }

    private string Pick(string name)
    {
        while (!usedNames.Add(name))
        {
            name += "_";
        }

        return name;
    }
}
