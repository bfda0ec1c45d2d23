using System.Collections.Generic;
using Telemetry.Generators;

namespace TrainingCli.Telemetry;

/// <summary>
/// The product-analytics events of the tool. The source generator implements each method as a track call on
/// <see cref="TelemetryClient.Default"/> and does nothing when telemetry is disabled. Property keys are the
/// parameter names in snake_case unless <see cref="TelemetryPropertyAttribute"/> names the key.
/// </summary>
/// <remarks>
/// <para>
/// The event names and property keys follow the event catalogue of a widely used Python chatbot framework, so that
/// dashboards built for it work unchanged. That catalogue also repeats the telemetry id in every event as
/// <c>metrics_id</c>. The events here leave it out, because every payload already carries the id as
/// <c>anonymousId</c>.
/// </para>
/// <para>
/// The catalogue's <c>Telemetry Disabled</c> event, which has no properties, is not declared here, because
/// <see cref="TelemetryClient.DisableAsync"/> sends it itself before it records the opt-out. The
/// <c>telemetry disable</c> command calls that method, so the event is sent once.
/// </para>
/// </remarks>
internal static partial class Events
{
    /// <summary>A training run started. <paramref name="trainingId"/> links it to its completion or failure.</summary>
    /// <param name="trainingId">32 lower-case hex digits that identify the run.</param>
    /// <param name="language">Language code of the training data, or null when the run trains no NLU model.</param>
    /// <param name="numTemplates">Number of response templates.</param>
    [TelemetryEvent("Training Started")]
    internal static partial void TrainingStarted(
        string trainingId,
        TrainingType type,
        string? language,
        IReadOnlyList<string> pipeline,
        IReadOnlyList<string> policies,
        int numIntentExamples,
        int numEntityExamples,
        int numActions,
        int numTemplates,
        int numSlots,
        int numForms,
        int numIntents,
        int numEntities,
        int numStorySteps,
        int numLookupTables,
        int numSynonyms,
        int numRegexes,
        bool isFinetuning);

    /// <summary>A training run finished and produced a model.</summary>
    /// <param name="runtime">Duration of the run in whole seconds, rounded down.</param>
    [TelemetryEvent("Training Completed")]
    internal static partial void TrainingCompleted(string trainingId, TrainingType type, int runtime);

    /// <summary>A training run raised an error.</summary>
    /// <param name="runtime">Time until the error in whole seconds, rounded down.</param>
    [TelemetryEvent("Training Failed")]
    internal static partial void TrainingFailed(string trainingId, TrainingType type, int runtime);

    /// <summary>Training data was split into a training and a test part.</summary>
    /// <param name="fraction">Share of the data in the training part, between 0 and 1.</param>
    [TelemetryEvent("Training Data Split")]
    internal static partial void TrainingDataSplit(double fraction, TrainingDataType type);

    /// <summary>Training data was validated.</summary>
    [TelemetryEvent("Training Data Validated")]
    internal static partial void TrainingDataValidated(bool validationSuccess);

    /// <summary>Training data was converted to another file format.</summary>
    /// <param name="outputFormat">Name of the format written, such as <c>json</c>.</param>
    [TelemetryEvent("Training Data Converted")]
    internal static partial void TrainingDataConverted(string outputFormat, TrainingDataType type);

    /// <summary>Conversation events were exported from a tracker store to an event broker.</summary>
    /// <param name="trackerStore">Class name of the tracker store read from.</param>
    /// <param name="eventBroker">Class name of the event broker written to.</param>
    [TelemetryEvent("Tracker Exported")]
    internal static partial void TrackerExported(int numberOfExportedEvents, string trackerStore, string eventBroker);

    /// <summary>An interactive-learning session started.</summary>
    /// <param name="saveInEndToEnd">Whether stories are saved with the user's text (end-to-end format).</param>
    [TelemetryEvent("Interactive Learning Started")]
    internal static partial void InteractiveLearningStarted(
        bool skipVisualization,
        [TelemetryProperty("save_in_e2e")] bool saveInEndToEnd);

    /// <summary>
    /// The model server started. Each <c>endpoints*</c> parameter is the class name of that configured endpoint,
    /// or null when it is not configured.
    /// </summary>
    /// <param name="inputChannels">Names of the channels that accept user messages.</param>
    /// <param name="project">Fingerprint of the served model's training data, or null when unknown.</param>
    [TelemetryEvent("Server Started")]
    internal static partial void ServerStarted(
        IReadOnlyList<string> inputChannels,
        bool apiEnabled,
        int numberOfWorkers,
        string? endpointsNlg,
        string? endpointsNlu,
        string? endpointsActionServer,
        string? endpointsModelServer,
        string? endpointsTrackerStore,
        string? endpointsLockStore,
        string? endpointsEventBroker,
        string? project);

    /// <summary>A new project was created.</summary>
    /// <param name="initDirectory">SHA-256 of the project's absolute path, so that the path itself is not sent.</param>
    [TelemetryEvent("Project Created")]
    internal static partial void ProjectCreated(string initDirectory);

    /// <summary>An interactive shell for talking to the model started.</summary>
    [TelemetryEvent("Shell Started")]
    internal static partial void ShellStarted(TrainingType type);

    /// <summary>
    /// A local web UI for reviewing conversations started. Declared so that the catalogue is complete. No command
    /// of this tool starts such a UI.
    /// </summary>
    [TelemetryEvent("Rasa X Local Started")]
    internal static partial void LocalUiStarted();

    /// <summary>A graph of the stories was drawn.</summary>
    [TelemetryEvent("Story Visualization Started")]
    internal static partial void StoryVisualizationStarted();

    /// <summary>The dialogue model was tested on stories.</summary>
    /// <param name="project">Fingerprint of the tested model's training data, or null when unknown.</param>
    /// <param name="endToEnd">Whether the test stories include the user's text.</param>
    [TelemetryEvent("Model Core Tested")]
    internal static partial void ModelCoreTested(string? project, bool endToEnd, int numStorySteps);

    /// <summary>The language-understanding model was tested on examples.</summary>
    [TelemetryEvent("Model NLU Tested")]
    internal static partial void ModelNluTested(
        int numIntentExamples,
        int numEntityExamples,
        int numLookupTables,
        int numSynonyms,
        int numRegexes);
}
