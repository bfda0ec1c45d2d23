using System.Security.Cryptography;
using System.Text;

namespace Telemetry.Generators;

/// <summary>
/// Computes the keyed hashes that stand in for paths and URLs in the context, so that the raw text is never sent.
/// </summary>
/// <remarks>
/// A plain SHA-256 of a path can be reversed by hashing a dictionary of likely paths. HMAC-SHA256 with a
/// per-install secret that is never sent cannot be, and the same input still gives the same hash on one install.
/// </remarks>
internal static class KeyedHash
{
    /// <summary>
    /// Returns the HMAC-SHA256 of the UTF-8 bytes of <paramref name="text"/> under <paramref name="secret"/>, as 64
    /// lower-case hexadecimal digits.
    /// </summary>
    /// <exception cref="CryptographicException">The platform has no HMAC-SHA256 implementation.</exception>
    /// <exception cref="System.PlatformNotSupportedException">The platform has no HMAC-SHA256 implementation.
    /// </exception>
    internal static string Compute(byte[] secret, string text)
    {
        byte[] data = Encoding.UTF8.GetBytes(text);
#if NET6_0_OR_GREATER
        byte[] hash = HMACSHA256.HashData(secret, data);
#else
        byte[] hash;
        using (var hmac = new HMACSHA256(secret))
        {
            hash = hmac.ComputeHash(data);
        }
#endif
        return ToLowerHex(hash);
    }

    private static string ToLowerHex(byte[] bytes)
    {
        const string Digits = "0123456789abcdef";
        var hex = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes)
        {
            hex.Append(Digits[b >> 4]);
            hex.Append(Digits[b & 0xF]);
        }

        return hex.ToString();
    }
}
