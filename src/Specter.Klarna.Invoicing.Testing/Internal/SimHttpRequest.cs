namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A transport-neutral request handed to the engine by the handler or the server.</summary>
internal sealed record SimHttpRequest(string Method, Uri Uri, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
