using System;
using System.Collections.Generic;
using Telemetry.Generators;

namespace LegacyConsumer
{
    /// <summary>The kinds of model a training run builds.</summary>
    public enum ModelKind
    {
        /// <summary>Both dialogue and language understanding.</summary>
        Full,

        /// <summary>Language understanding only.</summary>
        NluOnly,
    }

    /// <summary>Events declared the C# 7.3 way: no accessibility, so the generator's body is optional.</summary>
    internal static partial class LegacyEvents
    {
        [TelemetryEvent("Training Started")]
        static partial void TrainingStarted(string modelType, bool isFinetuning, int numStorySteps);

        [TelemetryEvent("Model Exported")]
        static partial void ModelExported(ModelKind kind, double? sizeMegabytes, IList<string> formats);

        [TelemetryEvent("Data Counted")]
        static partial void DataCounted(Dictionary<string, int> counts, [TelemetryProperty("type")] string dataType);

        /// <summary>Calls each event; they are private, because a C# 7.3 partial method has no accessibility.</summary>
        public static void SendAll()
        {
            TrainingStarted("rasa", false, 12);
            ModelExported(ModelKind.NluOnly, null, new[] { "onnx", "tar" });
            DataCounted(new Dictionary<string, int> { { "intents", 4 }, { "entities", 2 } }, "nlu");
        }
    }

    /// <summary>An instance event class that takes its client from a field.</summary>
    internal sealed partial class Session
    {
        private readonly TelemetryClient telemetry;

        /// <summary>Creates a session that sends through <paramref name="telemetry"/>.</summary>
        public Session(TelemetryClient telemetry)
        {
            this.telemetry = telemetry;
        }

        /// <summary>Sends the shell event.</summary>
        public void Start()
        {
            ShellStarted("core");
        }

        [TelemetryEvent("Shell Started")]
        partial void ShellStarted(string type);
    }
}
