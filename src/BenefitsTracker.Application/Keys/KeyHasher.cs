using System.Security.Cryptography;
using System.Text;

namespace BenefitsTracker.Application.Keys;

/// <summary>
/// Keyed hash of API key secrets: HMAC-SHA256 with a server secret kept outside the database (a file), so a copy
/// of the database alone cannot test guesses. The secrets are 256-bit random, so a slow hash would add nothing
/// but latency to every request.
/// </summary>
public sealed class KeyHasher
{
    private readonly byte[] _secret;

    public KeyHasher(byte[] secret)
    {
        if (secret.Length < 32) throw new ArgumentException("the key secret must be at least 32 bytes", nameof(secret));
        _secret = secret;
    }

    /// <summary>
    /// The secret in <paramref name="path"/>, created (32 random bytes, readable by its owner only) when missing.
    /// The `benefits apikey` command and `benefits serve` must use the same file.
    /// </summary>
    public static KeyHasher FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(fresh);
            }
            catch (IOException) when (File.Exists(path)) { /* another process made it first: use theirs */ }
        }
        return new KeyHasher(File.ReadAllBytes(path));
    }

    /// <summary>Lower-case hex HMAC of <paramref name="secretPart"/>.</summary>
    public string Hash(string secretPart) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(secretPart)));

    /// <summary>Constant-time comparison of a presented secret against a stored hash.</summary>
    public bool Matches(string secretPart, string storedHash)
    {
        var presented = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(secretPart));
        byte[] stored;
        try { stored = Convert.FromHexString(storedHash); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }
}
