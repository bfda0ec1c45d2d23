using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

public sealed class GitRemoteTests
{
    private const string OriginConfig = """
        [core]
        	repositoryformatversion = 0
        [remote "upstream"]
        	url = https://example.com/upstream/bot.git
        [remote "origin"]
        	url = https://example.com/ana/bot.git
        	fetch = +refs/heads/*:refs/remotes/origin/*
        """;

    [Fact]
    public void FindOriginUrl_ReadsRepositoryConfig()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", OriginConfig);

        Assert.Equal("https://example.com/ana/bot.git", GitRemote.FindOriginUrl(Path.Combine(root.Path, "bot")));
    }

    [Fact]
    public void FindOriginUrl_SearchesParentDirectories()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", OriginConfig);
        string nested = root.CreateDirectory("bot/data/nlu/examples");

        Assert.Equal("https://example.com/ana/bot.git", GitRemote.FindOriginUrl(nested));
    }

    [Fact]
    public void FindOriginUrl_FollowsWorktreeGitFile()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("main/.git/config", OriginConfig);
        string worktreeGitDirectory = root.CreateDirectory("main/.git/worktrees/feature");
        root.WriteFile("main/.git/worktrees/feature/commondir", "../..\n");
        root.WriteFile("feature/.git", "gitdir: " + worktreeGitDirectory + "\n");

        Assert.Equal("https://example.com/ana/bot.git", GitRemote.FindOriginUrl(Path.Combine(root.Path, "feature")));
    }

    [Fact]
    public void FindOriginUrl_FollowsRelativeSubmoduleGitFile()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("super/.git/config", OriginConfig);
        root.WriteFile(
            "super/.git/modules/lib/config",
            "[remote \"origin\"]\n\turl = https://example.com/ana/lib.git\n");
        root.WriteFile("super/lib/.git", "gitdir: ../.git/modules/lib\n");
        string inSubmodule = root.CreateDirectory("super/lib/src");

        Assert.Equal("https://example.com/ana/lib.git", GitRemote.FindOriginUrl(inSubmodule));
    }

    [Fact]
    public void FindOriginUrl_NearestRepositoryWins()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("outer/.git/config", OriginConfig);
        root.WriteFile("outer/inner/.git/config", "[core]\n\tbare = false\n");

        Assert.Null(GitRemote.FindOriginUrl(Path.Combine(root.Path, "outer", "inner")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a pointer\n")]
    [InlineData("gitdir: does/not/exist\n")]
    public void FindOriginUrl_ReturnsNullForBadGitFile(string gitFile)
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("outer/.git/config", OriginConfig);
        root.WriteFile("outer/checkout/.git", gitFile);

        Assert.Null(GitRemote.FindOriginUrl(Path.Combine(root.Path, "outer", "checkout")));
    }

    [Fact]
    public void FindOriginUrl_SkipsOversizedConfig()
    {
        using var root = new TemporaryDirectory();
        var config = new StringBuilder(OriginConfig).Append('\n');
        while (config.Length <= 64 * 1024)
        {
            config.Append("# padding to exceed the size limit of the configuration file\n");
        }

        root.WriteFile("bot/.git/config", config.ToString());

        Assert.Null(GitRemote.FindOriginUrl(Path.Combine(root.Path, "bot")));
    }

    [Fact]
    public void FindOriginUrl_ChecksAtMost32Parents()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", OriginConfig);
        string atLimit = root.CreateDirectory("bot/" + string.Join("/", Enumerable.Repeat("d", 32)));
        string pastLimit = root.CreateDirectory("bot/" + string.Join("/", Enumerable.Repeat("d", 33)));

        Assert.Equal("https://example.com/ana/bot.git", GitRemote.FindOriginUrl(atLimit));
        Assert.Null(GitRemote.FindOriginUrl(pastLimit));
    }
}
