using Specter.Klarna.Invoicing.Orders;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>The random steps: what is invoiced, on which servers, with which faults.</summary>
internal sealed partial class SoakOrder
{
    /// <summary>Longer than the client's 30 s write-attempt timeout: the capture is cut off while Klarna applies it (or not).</summary>
    private static readonly TimeSpan PastTheTimeout = TimeSpan.FromSeconds(40);

    private async Task StepAsync(int step)
    {
        // About one step in five credits an activated invoice instead (a return or a whole credit), under the same faults;
        // right after a prepayment, every other step, so prepayments are credited before a later invoice nets them off.
        bool afterPrepayment = _lastStepPrepaid;
        _lastStepPrepaid = false;
        if ((_random.Next(5) == 0 || (afterPrepayment && _random.Next(2) == 0)) && await CreditStepAsync(step))
        {
            await AfterStepAsync();
            return;
        }

        int roll = _random.Next(100);
        InvoiceType? type;
        decimal? percent = null;
        if (!_anyDelivered && roll < 18)
        {
            type = InvoiceType.Prepayment;
            percent = _random.Next(10, 51);
        }
        else if (roll < 26)
        {
            type = InvoiceType.Final;
        }
        else
        {
            // Mostly partial deliveries: an order then lives through several invoices (and several faults).
            Deliver(all: _random.Next(8) == 0);
            type = _random.Next(3) == 0 ? null : InvoiceType.Delivery;
        }

        _lastStepPrepaid = type == InvoiceType.Prepayment;
        string what = type?.ToString() ?? "proposed";
        var faults = ArmFaults(SimulatedOperation.CreateCapture);
        int shape = _random.Next(100);
        if (shape < 15)
        {
            string number = NextInvoiceNumber();
            var servers = DistinctServers(_random.Next(2, SoakCluster.ServerCount + 1));
            Log($"step {step}: {what} {number} on servers {string.Join("+", servers)} at once (same invoice)");
            figures.Add("duplicate calls");
            await Task.WhenAll(servers.Select(s => Task.Run(() => CreateAsync(s, number, type, percent, concurrent: true))));
        }
        else if (shape < 28)
        {
            string first = NextInvoiceNumber(), second = NextInvoiceNumber();
            var servers = DistinctServers(2);
            Log($"step {step}: {what} {first} on server {servers[0]} and {second} on server {servers[1]} at once");
            figures.Add("concurrent pairs");
            await Task.WhenAll(Task.Run(() => CreateAsync(servers[0], first, type, percent, concurrent: true)), Task.Run(() => CreateAsync(servers[1], second, type, percent, concurrent: true)));
        }
        else if (shape < 36)
        {
            string number = NextInvoiceNumber();
            var servers = DistinctServers(2);
            Log($"step {step}: {what} {number} on server {servers[0]} while server {servers[1]} recovers");
            figures.Add("calls racing recovery");
            await Task.WhenAll(Task.Run(() => CreateAsync(servers[0], number, type, percent, concurrent: true)), Task.Run(() => RecoverAsync(servers[1])));
        }
        else
        {
            string number = NextInvoiceNumber();
            int server = RandomServer();
            Log($"step {step}: {what} {number}{(percent is null ? string.Empty : $" {percent} %")} on server {server}");
            await CreateAsync(server, number, type, percent);
        }

        Disarm(faults);
        await AfterStepAsync();
    }

    private async Task AfterStepAsync()
    {
        if (_random.Next(3) == 0)
        {
            // Later: past the grace period, Klarna's first retry delays and the in-flight bound.
            await cluster.Gate.AdvanceAsync(InvoicingHarness.Later);
            figures.Add("clock jumps");
            await RecoverAsync(RandomServer());
        }

        await RetryOrAbandonFailedAsync(mustActivate: false);
    }

    /// <summary>Arms this step's faults for this order's captures or refunds; 5xx/transport/delay faults cost real (scaled) client waits, so they are budgeted per order.</summary>
    private List<SimulatedFault> ArmFaults(SimulatedOperation operation)
    {
        var injected = new List<SimulatedFault>();
        var armed = Armed;
        int roll = _random.Next(100);
        bool always = _random.Next(4) == 0;
        SimulatedFault? fault = null;
        if (roll < 35 && _slowFaultsLeft > 0)
        {
            _slowFaultsLeft--;
            fault = _random.Next(6) switch
            {
                0 => SimulatedFault.FailBeforeApplying(),
                1 => SimulatedFault.LoseResponseAfterApplying(),
                2 => SimulatedFault.ServerErrorAfterApplying(),
                3 => SimulatedFault.MalformedResponse(afterApplying: _random.Next(2) == 0),
                _ => SimulatedFault.Delay(PastTheTimeout, afterApplying: _random.Next(2) == 0),
            };
        }
        else if (roll < 50)
        {
            fault = SimulatedFault.Conflict();
        }
        else if (roll < 58)
        {
            fault = SimulatedFault.Delay(TimeSpan.FromMilliseconds(_random.Next(50, 2000)), afterApplying: _random.Next(2) == 0);
        }

        if (fault is not null)
        {
            string id = KlarnaOrderId;
            fault = fault.OnOperation(operation).When(r => r.OrderId == id && armed.SimulatorFaultsOn);
            fault = always ? fault.Always() : fault;
            armed.SimulatorFaultsOn = true;
            injected.Add(cluster.Klarna.InjectFault(fault));
            Log($"  fault: {operation} {fault.Kind}{(fault.Kind == SimulatedFaultKind.Delay ? $" {fault.Duration.TotalSeconds:0.###} s" : string.Empty)}{(fault.AfterApplying ? " after applying" : string.Empty)} {(always ? "always" : "once")}");
        }

        if (_random.Next(12) == 0)
        {
            armed.ArmCrash();
            Log("  fault: crash before the next Activated ledger write");
        }

        if (_random.Next(12) == 0)
        {
            armed.ArmRefuseFirstSend();
            Log("  fault: Klarna refuses the next first send (403)");
        }

        if (_random.Next(10) == 0)
        {
            armed.ArmRefuseResend();
            Log("  fault: Klarna refuses the next re-send (401, credentials rotated)");
        }

        if (_random.Next(12) == 0)
        {
            armed.ArmRateLimit();
            Log("  fault: the next capture is rate limited (429)");
        }

        return injected;
    }

    private void Disarm(List<SimulatedFault> injected)
    {
        Armed.DisarmAll();
        foreach (var fault in injected)
        {
            cluster.Faults.Count(Describe(fault), fault.TimesTriggered);
        }
    }

    private static string Describe(SimulatedFault fault) => fault.Kind switch
    {
        SimulatedFaultKind.FailBeforeApplying => "503 before applying",
        SimulatedFaultKind.LoseResponseAfterApplying => "answer lost after applying",
        SimulatedFaultKind.ServerErrorAfterApplying => "500 after applying",
        SimulatedFaultKind.MalformedResponse => fault.AfterApplying ? "malformed 502 after applying" : "malformed 502 before applying",
        SimulatedFaultKind.Conflict => "409 conflict",
        SimulatedFaultKind.Delay when fault.Duration >= PastTheTimeout => fault.AfterApplying ? "delay past the timeout after applying" : "delay past the timeout before applying",
        _ => "short delay",
    };

    private void Deliver(bool all)
    {
        var lines = _order.Lines.Select(l =>
        {
            if (l.Kind is not (OrderLineKind.Goods or OrderLineKind.Service))
            {
                return l;
            }

            if (all)
            {
                return l with { DeliveredQuantity = l.Quantity };
            }

            decimal step = decimal.Truncate(l.Quantity) == l.Quantity ? 1m : 0.5m;
            return l with { DeliveredQuantity = Math.Min(l.Quantity, l.DeliveredQuantity + (step * _random.Next(0, 3))) };
        }).ToList();
        _order = _order with { Lines = lines };
        _anyDelivered |= lines.Any(l => l.DeliveredQuantity > 0);
        Log($"  deliver{(all ? " all" : string.Empty)}: {string.Join(", ", lines.Where(l => l.Kind is OrderLineKind.Goods or OrderLineKind.Service).Select(l => $"{l.LineId}={l.DeliveredQuantity}/{l.Quantity}"))}");
    }

    private string NextInvoiceNumber() => $"{_order.OrderNumber}-F{++_invoiceCounter}";

    private int RandomServer() => _random.Next(SoakCluster.ServerCount);

    private int[] DistinctServers(int count) => Enumerable.Range(0, SoakCluster.ServerCount).OrderBy(_ => _random.Next()).Take(count).ToArray();
}
