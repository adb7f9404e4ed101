using System.Globalization;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>
/// Reads and checks a Settlements query string by the spec: known parameters only (when unknown fields are rejected),
/// each at most once, ISO 8601 dates, ISO 4217 currency codes, <c>size</c> 1–500 and <c>offset</c> ≥ 0.
/// </summary>
internal sealed class SettlementsQuery
{
    public const int DefaultSize = 20;
    public const int MaxSize = 500;

    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"];

    private readonly List<KeyValuePair<string, string>> _parameters = [];
    private readonly List<string> _bad = [];

    public SettlementsQuery(Uri uri, IReadOnlySet<string> allowed, bool rejectUnknown)
    {
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? string.Empty : Uri.UnescapeDataString(pair[(separator + 1)..].Replace('+', ' '));
            if (!allowed.Contains(name))
            {
                if (rejectUnknown)
                {
                    _bad.Add($"Bad value: {name} (unknown query parameter)");
                }

                continue;
            }

            if (_parameters.Exists(p => p.Key == name))
            {
                _bad.Add($"Bad value: {name} (given more than once)");
                continue;
            }

            _parameters.Add(new(name, value));
        }
    }

    public IReadOnlyList<string> BadValues => _bad;

    /// <summary>The recognised parameters in the order sent, for building <c>next</c>/<c>prev</c> links.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public string? Text(string name) => _parameters.Find(p => p.Key == name).Value is { Length: > 0 } value ? value : null;

    /// <summary>A date-time; a date alone means 00:00:00 UTC, as the spec says.</summary>
    public DateTimeOffset? Date(string name, bool required)
    {
        if (Text(name) is not { } value)
        {
            if (required)
            {
                _bad.Add($"Bad value: {name} (required)");
            }

            return null;
        }

        if (DateTimeOffset.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        _bad.Add($"Bad value: {name} (must be an ISO 8601 date-time such as 2020-01-23T00:00:00Z)");
        return null;
    }

    public string? Currency(string name)
    {
        var value = Text(name);
        if (value is not null && (value.Length != 3 || !value.All(char.IsAsciiLetterUpper)))
        {
            _bad.Add($"Bad value: {name} (must be an ISO 4217 code such as SEK)");
            return null;
        }

        return value;
    }

    public int Integer(string name, int defaultValue, int min, int max)
    {
        if (Text(name) is not { } value)
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        _bad.Add($"Bad value: {name} (must be an integer between {min} and {max})");
        return defaultValue;
    }

    /// <summary>The same query with another offset: Klarna's <c>next</c>/<c>prev</c> links are absolute URIs.</summary>
    public string Link(Uri request, int offset, int size)
    {
        var others = _parameters.Where(p => p.Key is not ("offset" or "size")).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value));
        var query = string.Join('&', others.Append(string.Create(CultureInfo.InvariantCulture, $"offset={offset}&size={size}")));
        return request.GetLeftPart(UriPartial.Path) + "?" + query;
    }
}
