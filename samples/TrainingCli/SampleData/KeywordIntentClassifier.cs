using System;
using System.Collections.Generic;
using System.Linq;

namespace TrainingCli.SampleData;

/// <summary>
/// A stand-in for an intent classifier: it scores each intent by how many of a message's words occur in that
/// intent's training examples.
/// </summary>
internal sealed class KeywordIntentClassifier
{
    private readonly List<(string Intent, HashSet<string> Words)> vocabularies;

    private KeywordIntentClassifier(List<(string Intent, HashSet<string> Words)> vocabularies)
    {
        this.vocabularies = vocabularies;
    }

    /// <summary>Number of distinct words in the training examples.</summary>
    public int VocabularySize => vocabularies.SelectMany(entry => entry.Words).Distinct().Count();

    /// <summary>Trains a classifier on (intent, annotated example) pairs.</summary>
    public static KeywordIntentClassifier Train(IEnumerable<(string Intent, string Example)> examples)
    {
        var vocabularies = examples
            .GroupBy(pair => pair.Intent)
            .Select(group => (group.Key, group.SelectMany(pair => Tokenize(pair.Example)).ToHashSet()))
            .ToList();
        return new KeywordIntentClassifier(vocabularies);
    }

    /// <summary>Trains a classifier on every example of the built-in sample project.</summary>
    public static KeywordIntentClassifier TrainOnSampleProject() => Train(SampleProjectExamples());

    /// <summary>Returns the built-in examples as (intent, annotated example) pairs.</summary>
    public static IEnumerable<(string Intent, string Example)> SampleProjectExamples() =>
        SampleProject.Intents.SelectMany(intent => intent.Examples.Select(example => (intent.Name, example)));

    /// <summary>
    /// Returns the best-scoring intent and its confidence, the share of the message's words found in that intent's
    /// examples. The intent is null when no intent's examples contain any of the words. Ties go to the intent
    /// trained first.
    /// </summary>
    public (string? Intent, double Confidence) Predict(string message)
    {
        var words = Tokenize(message).ToList();
        if (words.Count == 0)
        {
            return (null, 0);
        }

        var best = vocabularies
            .Select(entry => (entry.Intent, Score: words.Count(entry.Words.Contains)))
            .MaxBy(entry => entry.Score);

        return best.Score == 0 ? (null, 0) : (best.Intent, (double)best.Score / words.Count);
    }

    private static IEnumerable<string> Tokenize(string annotatedExample) =>
        AnnotatedExample.Parse(annotatedExample).Text
            .ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('?', '!', '.', ','))
            .Where(word => word.Length > 0);
}
