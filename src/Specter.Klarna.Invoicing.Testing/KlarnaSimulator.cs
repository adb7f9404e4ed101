using System.Globalization;
using System.Text;
using Specter.Klarna.Invoicing.Testing.Internal;

namespace Specter.Klarna.Invoicing.Testing;

/// <summary>
/// A Klarna Order Management and Settlements API simulator for tests. One engine serves both an in-process
/// <see cref="HttpMessageHandler"/> (<see cref="CreateHandler"/>) and a loopback Kestrel server (<see cref="StartServerAsync"/>).
/// Payouts are made from the captures and refunds it holds by <see cref="ClosePayoutPeriod"/>.
/// </summary>
/// <remarks>
/// <para>It reads and writes raw JSON and validates requests by Klarna's rules, independently of any client library.
/// All members are thread-safe.</para>
/// </remarks>
public sealed partial class KlarnaSimulator : IAsyncDisposable
{
    private readonly SimulatorState _state;
    private readonly SimulatorEngine _engine;
    private readonly SemaphoreSlim _serverGate = new(1, 1);
    private SimulatorServer? _server;

    /// <summary>Initializes a new instance of the <see cref="KlarnaSimulator"/> class with default options.</summary>
    public KlarnaSimulator()
        : this(new KlarnaSimulatorOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaSimulator"/> class.</summary>
    /// <param name="options">The options; read once, here.</param>
    public KlarnaSimulator(KlarnaSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ValidatePayoutOptions(options);
        _state = new SimulatorState(options);
        _engine = new SimulatorEngine(_state);
    }

    /// <summary>Gets the loopback server's base address (for example <c>http://127.0.0.1:54321/</c>), or <see langword="null"/> before <see cref="StartServerAsync"/>.</summary>
    public Uri? BaseAddress => _server?.BaseAddress;

    /// <summary>Gets a copy of every request received so far, oldest first, without credentials.</summary>
    public IReadOnlyList<SimulatedRequest> ReceivedRequests
    {
        get
        {
            lock (_state.Requests)
            {
                return [.. _state.Requests];
            }
        }
    }

    /// <summary>Gets a snapshot of every order.</summary>
    public IReadOnlyList<SimulatedOrderSnapshot> Orders
    {
        get
        {
            lock (_state.Gate)
            {
                var now = _state.Time.GetUtcNow();
                return [.. _state.Orders.Values.Select(o => Snapshot(o, now))];
            }
        }
    }

    /// <summary>Adds a merchant whose Basic-authentication credentials the simulator accepts.</summary>
    /// <param name="username">The API username (or key id).</param>
    /// <param name="password">The API password (or key). Never recorded.</param>
    /// <returns>This simulator.</returns>
    public KlarnaSimulator AddMerchant(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        _state.Merchants[username] = password;
        return this;
    }

    /// <summary>Seeds an order from code.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The order id.</returns>
    /// <exception cref="InvalidOperationException">The merchant is unknown, or the order id is taken.</exception>
    public string SeedOrder(SimulatedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Add(OrderSeeder.FromCode(order, ResolveMerchant(order.Merchant), _state.Options));
    }

    /// <summary>Seeds an order from a GET-order shaped JSON document (for example Klarna's documented example), including its captures.</summary>
    /// <param name="json">The order JSON: <c>order_amount</c> is required; <c>order_id</c>, <c>status</c>, <c>order_lines</c>, <c>created_at</c>, <c>expires_at</c>, <c>captures</c> and more are read when present.</param>
    /// <param name="merchant">The owning merchant's username, or <see langword="null"/> for the only merchant.</param>
    /// <returns>The order id.</returns>
    /// <exception cref="InvalidOperationException">The merchant is unknown, or the order id is taken.</exception>
    public string SeedOrderFromJson(string json, string? merchant = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        return Add(OrderSeeder.FromJson(json, ResolveMerchant(merchant), _state.Options));
    }

    /// <summary>Injects a fault; see <see cref="SimulatedFault"/>.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The same fault, to read <see cref="SimulatedFault.TimesTriggered"/> later.</returns>
    public SimulatedFault InjectFault(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_state.Faults)
        {
            _state.Faults.Add(fault);
        }

        return fault;
    }

    /// <summary>Removes every injected fault.</summary>
    public void ClearFaults()
    {
        lock (_state.Faults)
        {
            _state.Faults.Clear();
        }
    }

    /// <summary>Creates an in-process handler; requests to any host are served. The caller disposes it (or the <see cref="HttpClient"/> owning it).</summary>
    /// <returns>A new handler bound to this simulator.</returns>
    public HttpMessageHandler CreateHandler() => new SimulatorHttpHandler(_engine);

    /// <summary>Starts (once) the loopback Kestrel server on 127.0.0.1 with a free port.</summary>
    /// <param name="cancellationToken">The token to cancel the start.</param>
    /// <returns>The server's base address.</returns>
    public async Task<Uri> StartServerAsync(CancellationToken cancellationToken = default)
    {
        await _serverGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _server ??= await SimulatorServer.StartAsync(_engine, cancellationToken).ConfigureAwait(false);
            return _server.BaseAddress;
        }
        finally
        {
            _serverGate.Release();
        }
    }

    /// <summary>Gets a snapshot of one order.</summary>
    /// <param name="orderId">The order id.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="KeyNotFoundException">No such order.</exception>
    public SimulatedOrderSnapshot GetOrder(string orderId)
    {
        lock (_state.Gate)
        {
            return _state.Orders.TryGetValue(orderId, out var order)
                ? Snapshot(order, _state.Time.GetUtcNow())
                : throw new KeyNotFoundException($"The simulator has no order {orderId}.");
        }
    }

    /// <summary>Gets the captures of an order whose <c>reference</c> equals <paramref name="reference"/> (ordinal).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="reference">The capture reference, for example the ERP invoice number.</param>
    /// <returns>The matching captures, oldest first; empty when the order does not exist.</returns>
    public IReadOnlyList<SimulatedCapture> CapturesFor(string orderId, string reference)
    {
        lock (_state.Gate)
        {
            return _state.Orders.TryGetValue(orderId, out var order)
                ? [.. order.Captures.Where(c => c.Reference == reference).Select(c => ToPublic(order, c))]
                : [];
        }
    }

    /// <summary>Asserts that the order has exactly one capture with the given reference.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="reference">The capture reference, for example the ERP invoice number.</param>
    /// <returns>The single capture.</returns>
    /// <exception cref="KlarnaSimulatorAssertionException">The order is missing, or has zero or several such captures; the message lists the order's captures and the capture requests received.</exception>
    public SimulatedCapture AssertCapturedExactlyOnce(string orderId, string reference)
    {
        SimulatedOrderSnapshot snapshot;
        try
        {
            snapshot = GetOrder(orderId);
        }
        catch (KeyNotFoundException e)
        {
            throw new KlarnaSimulatorAssertionException($"Expected order {orderId} to be captured exactly once for reference '{reference}', but the simulator has no such order.", e);
        }

        var matches = snapshot.Captures.Where(c => c.Reference == reference).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Expected order {orderId} to be captured exactly once for reference '{reference}', but found {matches.Count} such captures.")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Order status {snapshot.Status}, order_amount {snapshot.OrderAmount}, captured_amount {snapshot.CapturedAmount}, remaining {snapshot.RemainingAuthorizedAmount}. Captures:");
        foreach (var c in snapshot.Captures)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  {c.CaptureId} reference='{c.Reference}' amount={c.CapturedAmount} key={c.IdempotencyKey ?? "(none)"} at {c.CapturedAt:O}");
        }

        message.AppendLine().Append("Capture requests received:");
        foreach (var r in ReceivedRequests.Where(r => r.OrderId == orderId && r.Operation == SimulatedOperation.CreateCapture))
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  #{r.Sequence} key={r.IdempotencyKey ?? "(none)"} merchant={r.Merchant}");
        }

        throw new KlarnaSimulatorAssertionException(message.ToString());
    }

    /// <summary>Stops the loopback server, if started.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync().ConfigureAwait(false);
        }

        _serverGate.Dispose();
    }

    private static SimulatedCapture ToPublic(OrderState order, CaptureState c) =>
        new(c.CaptureId, order.OrderId, c.Reference, c.CapturedAmount, c.RefundedAmount, c.IdempotencyKey, c.CapturedAt);

    private static SimulatedOrderSnapshot Snapshot(OrderState o, DateTimeOffset now) => new(
        o.OrderId,
        o.Merchant,
        o.Status(now),
        o.OrderAmount,
        o.CapturedAmount,
        o.RefundedAmount,
        o.RemainingAuthorizedAmount(now),
        o.ExpiresAt,
        o.MerchantReference1,
        o.MerchantReference2,
        [.. o.Captures.Select(c => ToPublic(o, c))]);

    private string ResolveMerchant(string? merchant)
    {
        if (merchant is not null)
        {
            return _state.Merchants.ContainsKey(merchant)
                ? merchant
                : throw new InvalidOperationException($"Unknown merchant '{merchant}'. Call AddMerchant first.");
        }

        return _state.Merchants.Count == 1
            ? _state.Merchants.Keys.First()
            : throw new InvalidOperationException("Name the order's merchant: the simulator has " + _state.Merchants.Count.ToString(CultureInfo.InvariantCulture) + " merchants.");
    }

    private string Add(OrderState order)
    {
        lock (_state.Gate)
        {
            if (!_state.Orders.TryAdd(order.OrderId, order))
            {
                throw new InvalidOperationException($"Order {order.OrderId} is already seeded.");
            }
        }

        return order.OrderId;
    }
}
