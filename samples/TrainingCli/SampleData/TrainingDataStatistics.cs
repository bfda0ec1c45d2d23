using System.Collections.Generic;
using System.Linq;

namespace TrainingCli.SampleData;

/// <summary>
/// Counts of the training data that a training run loads. A run of one part (<see cref="TrainingType.Core"/> or
/// <see cref="TrainingType.Nlu"/>) loads only that part, so the other part's counts are zero and its component
/// list is empty.
/// </summary>
internal sealed record TrainingDataStatistics(
    string? Language,
    IReadOnlyList<string> Pipeline,
    IReadOnlyList<string> Policies,
    int IntentExamples,
    int EntityExamples,
    int Actions,
    int Responses,
    int Slots,
    int Forms,
    int Intents,
    int Entities,
    int StorySteps,
    int LookupTables,
    int Synonyms,
    int RegularExpressions)
{
    /// <summary>Computes the statistics of the built-in sample project for a training run of the given type.</summary>
    public static TrainingDataStatistics ForSampleProject(TrainingType type)
    {
        var includesNlu = type is TrainingType.Rasa or TrainingType.Nlu;
        var includesCore = type is TrainingType.Rasa or TrainingType.Core;
        var examples = SampleProject.Intents.SelectMany(intent => intent.Examples).ToList();

        return new TrainingDataStatistics(
            Language: includesNlu ? SampleProject.Language : null,
            Pipeline: includesNlu ? SampleProject.Pipeline : [],
            Policies: includesCore ? SampleProject.Policies : [],
            IntentExamples: includesNlu ? examples.Count : 0,
            EntityExamples: includesNlu ? examples.Count(HasEntities) : 0,
            Actions: includesCore ? SampleProject.ActionCount : 0,
            Responses: includesCore ? SampleProject.Responses.Count : 0,
            Slots: includesCore ? SampleProject.Slots.Count : 0,
            Forms: includesCore ? SampleProject.Forms.Count : 0,
            Intents: SampleProject.Intents.Count,
            Entities: SampleProject.Entities.Count,
            StorySteps: includesCore ? SampleProject.Stories.Count : 0,
            LookupTables: includesNlu ? SampleProject.LookupTables.Count : 0,
            Synonyms: includesNlu ? SampleProject.Synonyms.Count : 0,
            RegularExpressions: includesNlu ? SampleProject.RegularExpressions.Count : 0);
    }

    private static bool HasEntities(string example) => AnnotatedExample.Parse(example).Entities.Count > 0;
}
