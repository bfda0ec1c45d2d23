namespace TrainingCli;

/// <summary>
/// Part of the model that a training run, test or shell uses. Telemetry sends the member name in snake_case.
/// </summary>
internal enum TrainingType
{
    /// <summary>The whole model: language understanding and dialogue management.</summary>
    Rasa,

    /// <summary>Dialogue management only.</summary>
    Core,

    /// <summary>Natural-language understanding only.</summary>
    Nlu,
}
