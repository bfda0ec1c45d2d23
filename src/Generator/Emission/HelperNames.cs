using System.Collections.Generic;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// The names of the private helpers generated in one containing type: <c>__TelemetryEnum{i}</c> for each enum and
/// <c>__TelemetryObject{i}</c> for each object type, numbered in the model's order. The <c>__Telemetry</c> prefix
/// is reserved, so no user member can collide with them.
/// </summary>
internal sealed class HelperNames
{
    private readonly Dictionary<string, string> enums = new();
    private readonly Dictionary<string, string> objects = new();

    public HelperNames(TypeToEmit type)
    {
        for (var i = 0; i < type.Enums.Count; i++)
        {
            enums[type.Enums[i].QualifiedName] = "__TelemetryEnum" + i;
        }

        for (var i = 0; i < type.Objects.Count; i++)
        {
            objects[type.Objects[i].QualifiedName] = "__TelemetryObject" + i;
        }
    }

    public string ForEnum(EnumInfo enumInfo) => enums[enumInfo.QualifiedName];

    public string ForObject(ObjectInfo objectInfo) => objects[objectInfo.QualifiedName];
}
