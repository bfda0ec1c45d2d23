using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

public sealed class DefaultContextTests
{
    private const string OriginUrl = "https://example.com/ana/bot.git";

    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("per-install-secret-for-tests");

    [Fact]
    public void Create_WritesKeysInOrder()
    {
        string cultureName = CultureScope.IsAvailable("en-US") ? "en-US" : "";
        using var culture = new CultureScope(cultureName);

        TelemetryProperties context = DefaultContext.Create(Settings(secret: null));

        var expected = new List<string> { "library", "app", "os", "runtime", "cpu", "ci", "container" };
        if (cultureName.Length > 0)
        {
            expected.Add("locale");
        }

        expected.Add("timezone");
        Assert.Equal(expected, context.Select(entry => entry.Key));
    }

    [Fact]
    public void Create_DescribesLibraryAndApp()
    {
        TelemetryProperties context = DefaultContext.Create(Settings(secret: null));

        Assert.Equal(
            $"{{\"name\":\"Telemetry.Generators\",\"version\":\"{LibraryInfo.Version}\"}}",
            Member(context, "library").ToString());
        Assert.Equal("{\"name\":\"TrainingCli\",\"version\":\"1.2.3\"}", Member(context, "app").ToString());
    }

    [Fact]
    public void Create_OmitsMissingAppVersion()
    {
        TelemetryProperties context = DefaultContext.Create(Settings(secret: null) with { AppVersion = null });

        Assert.Equal("{\"name\":\"TrainingCli\"}", Member(context, "app").ToString());
    }

    [Fact]
    public void Create_DescribesPlatform()
    {
        TelemetryProperties context = DefaultContext.Create(Settings(secret: null));

        TelemetryProperties os = AsObject(Member(context, "os"));
        Assert.Equal(PlatformInfo.GetOperatingSystemName(), Member(os, "name").AsString());
        Assert.Equal(Environment.OSVersion.Version.ToString(), Member(os, "version").AsString());

        TelemetryProperties runtime = AsObject(Member(context, "runtime"));
        Assert.Equal(".NET", Member(runtime, "name").AsString());
        Assert.Equal(TelemetryValueKind.String, Member(runtime, "version").Kind);

        TelemetryProperties cpu = AsObject(Member(context, "cpu"));
        Assert.Equal(new[] { "count" }, cpu.Select(entry => entry.Key));
        Assert.Equal(Environment.ProcessorCount, Member(cpu, "count").AsInt64());

        Assert.Equal(TelemetryValueKind.Boolean, Member(context, "container").Kind);
        Assert.Equal(TelemetryValueKind.String, Member(context, "timezone").Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_SendsCiSetting(bool isContinuousIntegration)
    {
        TelemetryProperties context = DefaultContext.Create(
            Settings(secret: null) with { IsContinuousIntegration = isContinuousIntegration });

        Assert.Equal(isContinuousIntegration, Member(context, "ci").AsBoolean());
    }

    [Fact]
    public void Create_SendsLocale()
    {
        if (!CultureScope.IsAvailable("de-CH"))
        {
            return;
        }

        using var culture = new CultureScope("de-CH");

        TelemetryProperties context = DefaultContext.Create(Settings(secret: null));

        Assert.Equal("de-CH", Member(context, "locale").AsString());
    }

    [Fact]
    public void Create_OmitsLocaleForInvariantCulture()
    {
        using var culture = new CultureScope("");

        TelemetryProperties context = DefaultContext.Create(Settings(secret: null));

        Assert.False(context.TryGetValue("locale", out _));
    }

    [Fact]
    public void Create_HashesWorkingDirectory()
    {
        using var root = new TemporaryDirectory();

        TelemetryProperties context = DefaultContext.Create(Settings(Secret, root.Path));

        Assert.Equal(HmacSha256Hex(Secret, root.Path), Member(context, "directory").AsString());
    }

    [Fact]
    public void Create_IgnoresTrailingSeparator()
    {
        using var root = new TemporaryDirectory();

        TelemetryProperties context = DefaultContext.Create(
            Settings(Secret, root.Path + Path.DirectorySeparatorChar));

        Assert.Equal(HmacSha256Hex(Secret, root.Path), Member(context, "directory").AsString());
    }

    [Fact]
    public void Create_HashesOriginUrl()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", $"[remote \"origin\"]\n\turl = {OriginUrl}\n");
        string workingDirectory = root.CreateDirectory("bot/data");

        TelemetryProperties context = DefaultContext.Create(Settings(Secret, workingDirectory));

        Assert.Equal(HmacSha256Hex(Secret, OriginUrl), Member(context, "project").AsString());
    }

    [Fact]
    public void Create_HashesDifferWithAnotherSecret()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", $"[remote \"origin\"]\n\turl = {OriginUrl}\n");
        string workingDirectory = Path.Combine(root.Path, "bot");
        byte[] otherSecret = Encoding.ASCII.GetBytes("another-install-secret");

        TelemetryProperties first = DefaultContext.Create(Settings(Secret, workingDirectory));
        TelemetryProperties second = DefaultContext.Create(Settings(otherSecret, workingDirectory));

        Assert.NotEqual(Member(first, "directory").AsString(), Member(second, "directory").AsString());
        Assert.NotEqual(Member(first, "project").AsString(), Member(second, "project").AsString());
    }

    [Fact]
    public void Create_NeverSendsRawPathOrUrl()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", $"[remote \"origin\"]\n\turl = {OriginUrl}\n");
        string workingDirectory = Path.Combine(root.Path, "bot");

        string json = DefaultContext.Create(Settings(Secret, workingDirectory)).ToString();

        Assert.DoesNotContain(root.Path.Replace("\\", "\\\\"), json);
        Assert.DoesNotContain("example.com", json);
    }

    [Fact]
    public void Create_OmitsProjectWithoutOrigin()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", "[remote \"upstream\"]\n\turl = https://example.com/upstream.git\n");
        string workingDirectory = Path.Combine(root.Path, "bot");

        TelemetryProperties context = DefaultContext.Create(Settings(Secret, workingDirectory));

        Assert.True(context.TryGetValue("directory", out _));
        Assert.False(context.TryGetValue("project", out _));
    }

    [Fact]
    public void Create_OmitsHashesWithoutSecret()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", $"[remote \"origin\"]\n\turl = {OriginUrl}\n");
        string workingDirectory = Path.Combine(root.Path, "bot");

        foreach (byte[]? secret in new[] { null, Array.Empty<byte>() })
        {
            TelemetryProperties context = DefaultContext.Create(Settings(secret, workingDirectory));

            Assert.False(context.TryGetValue("directory", out _));
            Assert.False(context.TryGetValue("project", out _));
        }
    }

    [Fact]
    public void Create_OmitsHashesWhenOptionsOff()
    {
        using var root = new TemporaryDirectory();
        root.WriteFile("bot/.git/config", $"[remote \"origin\"]\n\turl = {OriginUrl}\n");
        DefaultContextSettings settings = Settings(Secret, Path.Combine(root.Path, "bot"));

        TelemetryProperties withoutDirectory = DefaultContext.Create(settings with { HashWorkingDirectory = false });
        TelemetryProperties withoutProject = DefaultContext.Create(settings with { HashGitRemote = false });

        Assert.False(withoutDirectory.TryGetValue("directory", out _));
        Assert.True(withoutDirectory.TryGetValue("project", out _));
        Assert.True(withoutProject.TryGetValue("directory", out _));
        Assert.False(withoutProject.TryGetValue("project", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\0path")]
    public void Create_OmitsHashesForInvalidDirectory(string workingDirectory)
    {
        TelemetryProperties context = DefaultContext.Create(Settings(Secret, workingDirectory));

        Assert.False(context.TryGetValue("directory", out _));
        Assert.False(context.TryGetValue("project", out _));
    }

    [Fact]
    public void Create_RejectsNullSettings()
    {
        Assert.Throws<ArgumentNullException>(() => DefaultContext.Create(null!));
    }

    private static DefaultContextSettings Settings(byte[]? secret, string? workingDirectory = null) =>
        new(
            AppName: "TrainingCli",
            AppVersion: "1.2.3",
            IsContinuousIntegration: false,
            HashSecret: secret,
            HashWorkingDirectory: true,
            HashGitRemote: true,
            WorkingDirectory: workingDirectory ?? Environment.CurrentDirectory);

    private static TelemetryValue Member(TelemetryProperties properties, string key)
    {
        Assert.True(properties.TryGetValue(key, out TelemetryValue value), $"The key \"{key}\" is missing.");
        return value;
    }

    private static TelemetryProperties AsObject(TelemetryValue value)
    {
        Assert.Equal(TelemetryValueKind.Object, value.Kind);
        var members = new TelemetryProperties();
        foreach (KeyValuePair<string, TelemetryValue> member in value.AsObject()!)
        {
            members.Add(member.Key, member.Value);
        }

        return members;
    }

    private static string HmacSha256Hex(byte[] secret, string text)
    {
        using var hmac = new HMACSHA256(secret);
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }
}
