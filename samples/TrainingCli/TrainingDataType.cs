namespace TrainingCli;

/// <summary>
/// Kind of training data that a data command works on. Telemetry sends the member name in snake_case.
/// </summary>
internal enum TrainingDataType
{
    /// <summary>Intent and entity examples.</summary>
    Nlu,

    /// <summary>Stories and rules.</summary>
    Core,

    /// <summary>Response templates for natural-language generation.</summary>
    Nlg,
}
