using System.Security.Cryptography;

namespace BenefitsTracker.Application.Keys;

/// <summary>The text of a key: <c>bt_{id}_{secret}</c>, the secret 43 characters of base64url (256 bits).</summary>
public static class ApiKeyText
{
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Format(long id, string secret) => $"bt_{id}_{secret}";

    public static bool TryParse(string? text, out long id, out string secret)
    {
        id = 0;
        secret = "";
        if (text is null || !text.StartsWith("bt_", StringComparison.Ordinal)) return false;
        var sep = text.IndexOf('_', 3);
        if (sep < 0 || !long.TryParse(text.AsSpan(3, sep - 3), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out id)) return false;
        secret = text[(sep + 1)..];
        return secret.Length > 0;
    }
}
