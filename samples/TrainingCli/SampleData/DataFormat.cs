namespace TrainingCli.SampleData;

/// <summary>File format of training data.</summary>
internal enum DataFormat
{
    /// <summary>Indented JSON.</summary>
    Json,

    /// <summary>Block-style YAML.</summary>
    Yaml,
}
