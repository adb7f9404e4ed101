using System.Net;
using System.Text;
using CsCheck;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>One generated answer from "Klarna": status, headers and a body that may be anything.</summary>
internal sealed record FuzzAnswer(
    int Status,
    string BodyKind,
    byte[] Prefix,
    long FillerLength,
    byte[] Suffix,
    string? ContentType,
    string[] CaptureIds,
    string[] Locations,
    string? RetryAfter,
    FuzzDelivery Delivery)
{
    public const string ValidCaptureId = "4ba29b50-be7b-44f5-a492-113e6a865e22";

    public bool IsEnormous => FillerLength > 0;

    public override string ToString() =>
        $"{Status} {BodyKind} ({Prefix.Length + FillerLength + Suffix.Length} bytes, {Delivery}) content-type={ContentType ?? "none"} " +
        $"capture-id=[{string.Join("|", CaptureIds.Select(Escape))}] location=[{string.Join("|", Locations.Select(Escape))}] retry-after={RetryAfter ?? "none"} " +
        $"body={Escape(Encoding.UTF8.GetString(Prefix.AsSpan(0, Math.Min(Prefix.Length, 160))))}";

    /// <summary>Builds a fresh response (every retry attempt reads a new stream); <paramref name="streams"/> collects them to count the bytes read.</summary>
    public HttpResponseMessage ToResponse(List<FuzzBodyStream> streams)
    {
        var stream = new FuzzBodyStream(Prefix, FillerLength, (byte)' ', Suffix, Delivery);
        lock (streams)
        {
            streams.Add(stream);
        }

        var response = new HttpResponseMessage((HttpStatusCode)Status) { Content = new StreamContent(stream) };
        if (ContentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        foreach (var id in CaptureIds)
        {
            response.Headers.TryAddWithoutValidation("Capture-Id", id);
        }

        foreach (var location in Locations)
        {
            response.Headers.TryAddWithoutValidation("Location", location);
        }

        if (RetryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
        }

        response.Headers.TryAddWithoutValidation("Klarna-Correlation-Id", "fuzz-correlation");
        return response;
    }

    private static string Escape(string s) => string.Concat(s.Select(c => char.IsControl(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}

/// <summary>The CsCheck generators of <see cref="FuzzAnswer"/>s, biased towards the success status the operation expects.</summary>
internal static class FuzzAnswers
{
    private static readonly string[] WrongValues =
        ["\"x\"", "[]", "{}", "true", "null", "1.5", "-1", "-9223372036854775809", "9223372036854775808", "99999999999999999999999999999999", "1e400", "\"\"", "\"\\u0000\"", "\"2026-13-45T99:99:99Z\""];

    private static readonly string[] Fields =
        ["order_id", "status", "fraud_status", "order_amount", "captured_amount", "remaining_authorized_amount", "purchase_currency", "captures", "refunds", "created_at", "expires_at", "capture_id", "captured_at", "error_code", "error_messages"];

    private static readonly int[] OddStatuses = [100, 101, 102, 103, 199, 200, 201, 202, 203, 204, 206, 299, 301, 302, 304, 307, 400, 401, 403, 404, 405, 408, 409, 418, 422, 429, 499, 500, 502, 503, 504, 599];

    private static (int, IGen<T>) W<T>(int weight, Gen<T> gen) => (weight, gen);

    /// <summary>Answers to an operation that expects <paramref name="expectedStatus"/> with <paramref name="validBody"/>.</summary>
    public static Gen<FuzzAnswer> For(int expectedStatus, string validBody, bool allowStall = true) =>
        Gen.Select(
            Gen.Frequency(W(6, Gen.Const(expectedStatus)), W(4, Gen.OneOf(OddStatuses))),
            Body(validBody),
            Gen.OneOf<string?>(null, "application/json", "application/json; charset=utf-8", "text/html", "application/xml", "application/json; charset=latin1", "garbage/;;;"),
            CaptureIds(),
            Gen.OneOf<string[]>([], ["https://api.klarna.com/ordermanagement/v1/orders/o/captures/" + FuzzAnswer.ValidCaptureId], ["a", "b"], ["::not a uri::"], ["\u0001"]),
            Gen.OneOf<string?>(null, null, null, "1", "0", "-5", "99999999", "Wed, 21 Oct 2015 07:28:00 GMT", "soon"),
            Gen.Frequency(W(12, Gen.Const(FuzzDelivery.AllAtOnce)), W(2, Gen.Const(FuzzDelivery.Drip)), W(allowStall ? 1 : 0, Gen.Const(FuzzDelivery.Stall)), W(1, Gen.Const(FuzzDelivery.BreakMidway))),
            (status, body, contentType, ids, locations, retryAfter, delivery) => new FuzzAnswer(
                status, body.Kind, body.Prefix, body.Filler, body.Suffix, contentType, ids, locations, retryAfter,
                body.Filler > 0 && delivery == FuzzDelivery.Drip ? FuzzDelivery.AllAtOnce : delivery));

    private static Gen<string[]> CaptureIds() => Gen.Frequency(
        W(8, Gen.Const<string[]>([FuzzAnswer.ValidCaptureId])),
        W(1, Gen.Const<string[]>([])),
        W(1, Gen.Const<string[]>([FuzzAnswer.ValidCaptureId, FuzzAnswer.ValidCaptureId])),
        W(1, Gen.Const<string[]>([FuzzAnswer.ValidCaptureId, "0d9f4c62-0000-4000-8000-000000000000"])),
        W(1, Gen.OneOf<string[]>([""], [" "], ["../../orders"], ["a/b"], ["id\u0000"], ["id with space"], [new string('c', 300)], ["ö-ä-å"], ["%2e%2e"])));

    private static Gen<(string Kind, byte[] Prefix, long Filler, byte[] Suffix)> Body(string valid)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(valid);
        static (string, byte[], long, byte[]) Of(string kind, string text) => (kind, Encoding.UTF8.GetBytes(text), 0, []);
        return Gen.Frequency(
            W(25, Gen.Const(("valid", bytes, 0L, Array.Empty<byte>()))),
            W(20, Gen.Int[0, Math.Max(0, bytes.Length - 1)].Select(n => ("truncated", bytes[..n], 0L, Array.Empty<byte>()))),
            W(20, Gen.Select(Gen.OneOf(Fields), Gen.OneOf(WrongValues), (field, value) => Of($"{field}={value}", Replace(valid, field, value)))),
            W(10, Gen.Select(Gen.OneOf(Fields), Gen.OneOf(WrongValues), (field, value) => Of($"duplicate {field}", "{\"" + field + "\": " + value + ", " + valid.TrimStart()[1..]))),
            W(10, Gen.Select(Gen.Int[1, Math.Max(1, bytes.Length - 1)], Gen.OneOf<byte[]>([0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C], [0x80]), (at, bad) => ("invalid utf-8", (byte[])[.. bytes[..at], .. bad, .. bytes[at..]], 0L, Array.Empty<byte>()))),
            W(10, Gen.Byte.Array[0, 300].Select(random => ("random bytes", random, 0L, Array.Empty<byte>()))),
            W(15, Gen.OneOf(
                Of("empty", ""), Of("whitespace", " \r\n\t "), Of("json null", "null"), Of("empty array", "[]"), Of("empty object", "{}"), Of("number", "42"),
                Of("string", "\"ok\""), Of("html", "<html><body>502 Bad Gateway</body></html>"), Of("error json", "{\"error_code\":\"NO_SUCH_ORDER\",\"error_messages\":[\"x\"],\"correlation_id\":\"c\"}"),
                Of("error json, huge code", "{\"error_code\":\"" + new string('E', 5000) + "\",\"error_messages\":[null, \"\\u0007bell\"]}"),
                Of("deep nesting", new string('[', 5000) + new string(']', 5000)), Of("bom", "\uFEFF" + valid), Of("negative amounts", valid.Replace("\": 200", "\": -200", StringComparison.Ordinal)))),
            W(1, Gen.OneOf(
                ("enormous string", Encoding.UTF8.GetBytes("{\"order_id\": \""), 20L * 1024 * 1024, Encoding.UTF8.GetBytes("\"}")),
                ("enormous whitespace", Array.Empty<byte>(), 17L * 1024 * 1024, bytes),
                ("enormous error", Encoding.UTF8.GetBytes("{\"error_code\": \""), 3L * 1024 * 1024, Encoding.UTF8.GetBytes("\"}")))));
    }

    /// <summary>Replaces the value of the first <paramref name="field"/> (a scalar or a flat array/object) with <paramref name="value"/>, or adds it.</summary>
    private static string Replace(string json, string field, string value)
    {
        var match = System.Text.RegularExpressions.Regex.Match(json, "\"" + field + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+]+|true|false|null|\\[[^\\[\\]]*\\]|\\{[^{}]*\\})");
        return match.Success
            ? json[..match.Groups[1].Index] + value + json[(match.Groups[1].Index + match.Groups[1].Length)..]
            : "{\"" + field + "\": " + value + ", " + json.TrimStart()[1..];
    }
}
