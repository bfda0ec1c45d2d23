using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

public sealed class GitConfigParserTests
{
    [Theory]
    [InlineData("[remote \"origin\"]\n\turl = https://example.com/a.git\n", "https://example.com/a.git")]
    [InlineData("[remote \"origin\"]\nurl=https://example.com/a.git", "https://example.com/a.git")]
    [InlineData("[remote \"origin\"]\r\n\turl = https://example.com/a.git\r\n", "https://example.com/a.git")]
    [InlineData("[REMOTE \"origin\"]\n\tURL = git@example.com:a.git\n", "git@example.com:a.git")]
    [InlineData("[remote.origin]\n\turl = https://example.com/legacy.git\n", "https://example.com/legacy.git")]
    [InlineData("[remote.Origin]\n\turl = https://example.com/legacy.git\n", "https://example.com/legacy.git")]
    [InlineData("[remote \"origin\"] url = https://example.com/inline.git\n", "https://example.com/inline.git")]
    [InlineData("[remote \"origin\"]\n\turl = https://example.com/a.git # comment\n", "https://example.com/a.git")]
    [InlineData("[remote \"origin\"]\n\turl = https://example.com/a.git;comment\n", "https://example.com/a.git")]
    [InlineData("[remote \"origin\"]\n\turl = \"/srv/repos/my bot.git\"\n", "/srv/repos/my bot.git")]
    [InlineData("[remote \"origin\"]\n\turl = \"/srv/a#b.git\"\n", "/srv/a#b.git")]
    [InlineData("[remote \"origin\"]\n\turl = /srv/say\\\"hi\\\".git\n", "/srv/say\"hi\".git")]
    [InlineData("[remote \"origin\"]\n\turl = /srv/\\\nrepo.git\n", "/srv/repo.git")]
    [InlineData("[remote \"origin\"]\n\turl = /srv/two  words.git  \n", "/srv/two  words.git")]
    public void FindRemoteUrl_ParsesValue(string config, string expected)
    {
        Assert.Equal(expected, GitConfigParser.FindRemoteUrl(config, "origin"));
    }

    [Fact]
    public void FindRemoteUrl_ChoosesOriginAmongRemotes()
    {
        const string Config = """
            [core]
            	repositoryformatversion = 0
            	bare = false
            [remote "upstream"]
            	url = https://example.com/upstream/bot.git
            	fetch = +refs/heads/*:refs/remotes/upstream/*
            [remote "origin"]
            	url = https://example.com/ana/bot.git
            	fetch = +refs/heads/*:refs/remotes/origin/*
            [remote "fork"]
            	url = https://example.com/fork/bot.git
            [branch "main"]
            	remote = origin
            """;

        Assert.Equal("https://example.com/ana/bot.git", GitConfigParser.FindRemoteUrl(Config, "origin"));
    }

    [Fact]
    public void FindRemoteUrl_TakesFirstUrlOfRemote()
    {
        const string Config = """
            [remote "origin"]
            	url = https://example.com/first.git
            	url = https://example.com/second.git
            """;

        Assert.Equal("https://example.com/first.git", GitConfigParser.FindRemoteUrl(Config, "origin"));
    }

    [Fact]
    public void FindRemoteUrl_ComparesRemoteNameWithCase()
    {
        const string Config = """
            [remote "Origin"]
            	url = https://example.com/capital.git
            """;

        Assert.Null(GitConfigParser.FindRemoteUrl(Config, "origin"));
    }

    [Fact]
    public void FindRemoteUrl_IgnoresUrlOutsideOrigin()
    {
        const string Config = """
            [remote "upstream"]
            	url = https://example.com/upstream.git
            [url "https://example.com/"]
            	insteadOf = gh:
            [submodule "lib"]
            	url = https://example.com/lib.git
            """;

        Assert.Null(GitConfigParser.FindRemoteUrl(Config, "origin"));
    }

    [Fact]
    public void FindRemoteUrl_ReadsContinuedValueAsValue()
    {
        // The backslash continues the alias onto the next line, so that line is not a section header and the url
        // that follows belongs to [alias].
        const string Config =
            "[alias]\n\tshow-origin = !echo \\\n[remote \"origin\"]\n\turl = https://example.com/x.git\n";

        Assert.Null(GitConfigParser.FindRemoteUrl(Config, "origin"));
    }

    [Fact]
    public void FindRemoteUrl_SkipsCommentLines()
    {
        const string Config = """
            # [remote "origin"]
            ; url = https://example.com/commented.git
            [remote "origin"]
            	# url = https://example.com/also-commented.git
            	url = https://example.com/real.git
            """;

        Assert.Equal("https://example.com/real.git", GitConfigParser.FindRemoteUrl(Config, "origin"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[remote \"origin\"]\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n")]
    [InlineData("[remote \"origin\"]\n\turl =\n")]
    [InlineData("[remote \"origin\"]\n\turl = \"unclosed\n")]
    [InlineData("[remote \"origin\"]\n\turl = bad\\qescape\n")]
    [InlineData("[remote \"origin\"\n\turl = https://example.com/broken-header.git\n")]
    [InlineData("[remote \"ori\\\"gin\"]\n\turl = https://example.com/escaped.git\n")]
    public void FindRemoteUrl_ReturnsNullWithoutValidUrl(string config)
    {
        Assert.Null(GitConfigParser.FindRemoteUrl(config, "origin"));
    }
}
