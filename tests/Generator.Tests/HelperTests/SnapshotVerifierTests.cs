using System;
using System.IO;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.HelperTests;

public sealed class SnapshotVerifierTests : IDisposable
{
    private const string Name = "SampleTests.Method";

    private static readonly SnapshotSettings Compare = new(AcceptRequested: false, IsContinuousIntegration: false);

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("snapshot-verifier-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void MatchingFile_PassesAndDeletesStaleReceivedFile()
    {
        var file = new SnapshotFile("#MyApp.Events.g", "cs", "//HintName: MyApp.Events.g.cs\nclass A {}\n");
        WriteFile("SampleTests.Method#MyApp.Events.g.verified.cs", file.Content);
        WriteFile("SampleTests.Method#MyApp.Events.g.received.cs", "stale");

        new SnapshotVerifier(directory.FullName, Compare).Verify(Name, [file]);

        Assert.False(File.Exists(PathOf("SampleTests.Method#MyApp.Events.g.received.cs")));
    }

    [Fact]
    public void VerifiedFileWithCrLf_MatchesLfOutput()
    {
        var file = new SnapshotFile("#A.g", "cs", "line one\nline two\n");
        WriteFile("SampleTests.Method#A.g.verified.cs", "line one\r\nline two\r\n");

        new SnapshotVerifier(directory.FullName, Compare).Verify(Name, [file]);

        Assert.False(File.Exists(PathOf("SampleTests.Method#A.g.received.cs")));
    }

    [Fact]
    public void ChangedCharacter_FailsWithDiffNamingFile()
    {
        WriteFile("SampleTests.Method#MyApp.Events.g.verified.cs", "first\nsecond = 1;\nthird\n");
        var file = new SnapshotFile("#MyApp.Events.g", "cs", "first\nsecond = 2;\nthird\n");

        var failure = Assert.Throws<SnapshotMismatchException>(
            () => new SnapshotVerifier(directory.FullName, Compare).Verify(Name, [file]));

        var verifiedPath = PathOf("SampleTests.Method#MyApp.Events.g.verified.cs");
        var receivedPath = PathOf("SampleTests.Method#MyApp.Events.g.received.cs");
        Assert.Contains($"Snapshot {verifiedPath} differs", failure.Message);
        Assert.Contains("-second = 1;", failure.Message);
        Assert.Contains("+second = 2;", failure.Message);
        Assert.Contains($"mv -f '{receivedPath}' '{verifiedPath}'", failure.Message);
        Assert.Equal(file.Content, File.ReadAllText(receivedPath));
        Assert.Equal("first\nsecond = 1;\nthird\n", File.ReadAllText(verifiedPath));
    }

    [Fact]
    public void MissingVerifiedFile_FailsAndWritesReceivedFile()
    {
        var file = new SnapshotFile("", "txt", "TEL0001 Error Input0.cs: (1,2)-(1,5): message\n");

        var failure = Assert.Throws<SnapshotMismatchException>(
            () => new SnapshotVerifier(directory.FullName, Compare).Verify(Name, [file]));

        Assert.Contains($"New snapshot {PathOf("SampleTests.Method.verified.txt")}", failure.Message);
        Assert.Contains(SnapshotSettings.AcceptVariable + "=1", failure.Message);
        Assert.Equal(file.Content, File.ReadAllText(PathOf("SampleTests.Method.received.txt")));
    }

    [Fact]
    public void OrphanedVerifiedFile_Fails()
    {
        var kept = new SnapshotFile("#Kept.g", "cs", "kept\n");
        WriteFile("SampleTests.Method#Kept.g.verified.cs", kept.Content);
        WriteFile("SampleTests.Method#Removed.g.verified.cs", "removed\n");
        WriteFile("SampleTests.Method.verified.txt", "old diagnostic\n");

        var failure = Assert.Throws<SnapshotMismatchException>(
            () => new SnapshotVerifier(directory.FullName, Compare).Verify(Name, [kept]));

        Assert.Contains($"Orphaned snapshot {PathOf("SampleTests.Method#Removed.g.verified.cs")}", failure.Message);
        Assert.Contains($"Orphaned snapshot {PathOf("SampleTests.Method.verified.txt")}", failure.Message);
        Assert.DoesNotContain("Kept.g", failure.Message);
    }

    [Fact]
    public void OtherTestWithCommonPrefix_IsNotOrphan()
    {
        WriteFile("SampleTests.MethodTwo#Other.g.verified.cs", "other\n");

        new SnapshotVerifier(directory.FullName, Compare).Verify(Name, []);

        Assert.True(File.Exists(PathOf("SampleTests.MethodTwo#Other.g.verified.cs")));
    }

    [Fact]
    public void AcceptMode_WritesFilesAndDeletesOrphans()
    {
        var accept = new SnapshotSettings(AcceptRequested: true, IsContinuousIntegration: false);
        var changed = new SnapshotFile("#Changed.g", "cs", "new text\n");
        var added = new SnapshotFile("#Added.g", "cs", "added text\n");
        WriteFile("SampleTests.Method#Changed.g.verified.cs", "old text\n");
        WriteFile("SampleTests.Method#Changed.g.received.cs", "old received text\n");
        WriteFile("SampleTests.Method#Orphan.g.verified.cs", "orphan\n");

        new SnapshotVerifier(directory.FullName, accept).Verify(Name, [changed, added]);

        Assert.Equal("new text\n", File.ReadAllText(PathOf("SampleTests.Method#Changed.g.verified.cs")));
        Assert.Equal("added text\n", File.ReadAllText(PathOf("SampleTests.Method#Added.g.verified.cs")));
        Assert.False(File.Exists(PathOf("SampleTests.Method#Changed.g.received.cs")));
        Assert.False(File.Exists(PathOf("SampleTests.Method#Orphan.g.verified.cs")));
    }

    [Fact]
    public void AcceptMode_RejectedUnderContinuousIntegration()
    {
        var acceptInCi = new SnapshotSettings(AcceptRequested: true, IsContinuousIntegration: true);
        var file = new SnapshotFile("#A.g", "cs", "text\n");

        var failure = Assert.Throws<SnapshotMismatchException>(
            () => new SnapshotVerifier(directory.FullName, acceptInCi).Verify(Name, [file]));

        Assert.Contains("CI=true", failure.Message);
        Assert.Contains(SnapshotSettings.AcceptVariable, failure.Message);
        Assert.Empty(directory.GetFiles());
    }

    private string PathOf(string fileName) => Path.Combine(directory.FullName, fileName);

    private void WriteFile(string fileName, string content) => File.WriteAllText(PathOf(fileName), content);
}
