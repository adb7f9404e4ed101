using System.Text;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Parses <c>Authorization: Basic base64(username:password)</c>.</summary>
internal static class BasicCredentials
{
    public static (string? Username, string? Password) Parse(string? header)
    {
        const string Scheme = "Basic ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
