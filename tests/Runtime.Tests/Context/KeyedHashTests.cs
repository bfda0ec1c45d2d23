using System;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

public sealed class KeyedHashTests
{
    [Fact]
    public void Compute_MatchesRfc4231Vector()
    {
        // RFC 4231, test case 2: HMAC-SHA-256 with the key "Jefe".
        string hash = KeyedHash.Compute(Encoding.ASCII.GetBytes("Jefe"), "what do ya want for nothing?");

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", hash);
    }

    [Fact]
    public void Compute_MatchesHmacSha256OfUtf8()
    {
        byte[] secret = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x10, 0x32, 0x54, 0x76 };
        const string Text = "/home/ana/projects/größe";

        string expected;
        using (var hmac = new HMACSHA256(secret))
        {
            expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(Text)));
        }

        Assert.Equal(expected, KeyedHash.Compute(secret, Text));
    }

    [Fact]
    public void Compute_DiffersForAnotherSecret()
    {
        const string Text = "/home/ana/projects/bot";

        string first = KeyedHash.Compute(new byte[] { 1, 2, 3, 4 }, Text);
        string second = KeyedHash.Compute(new byte[] { 1, 2, 3, 5 }, Text);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Compute_ReturnsLowerCaseHex()
    {
        string hash = KeyedHash.Compute(new byte[] { 9, 9, 9 }, "text");

        Assert.Equal(64, hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }
}
