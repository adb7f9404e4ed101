using Specter.Klarna.Invoicing.Tests.TestDoubles;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>
/// Every invalid input of the catalogue gets its typed error, with a message naming the problem and the field, before
/// any HTTP call (counted at the simulator) and without a ledger write (counted at the ledger, and the ledger's
/// content compared before and after).
/// </summary>
public sealed class BadInputCatalogueTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryBadInput_GetsItsTypedError_BeforeAnyHttpCall_AndTheLedgerIsUnchanged()
    {
        var cases = BadInputCatalogue.All();
        await using var scene = await BadInputScene.CreateAsync();
        await BaselinesAreValidAsync(scene);

        var failures = new List<string>();
        foreach (var c in cases)
        {
            if (await TryAsync(scene, c) is { } failure)
            {
                failures.Add($"{c}: {failure}");
                output.WriteLine("FAILED " + failures[^1]);
            }
        }

        output.WriteLine($"bad-input catalogue: {cases.Count} cases ({string.Join(", ", cases.GroupBy(c => c.Area).Select(g => $"{g.Key} {g.Count()}"))}), {failures.Count} failed");
        failures.Should().BeEmpty();
        cases.Should().HaveCountGreaterThanOrEqualTo(60);
        cases.Select(c => c.ToString()).Should().OnlyHaveUniqueItems();
        await scene.Harness.AssertKlarnaMatchesLedgerAsync(scene.LockedOrder);
        scene.Harness.Klarna.GetOrder(scene.OpenOrder.KlarnaOrderId!).CapturedAmount.Should().Be(0);
    }

    private static async Task<string?> TryAsync(BadInputScene scene, BadInputCase c)
    {
        int requests = scene.Requests;
        int writes = scene.Ledger.Writes;
        string ledger = await scene.SnapshotAsync();
        Exception? caught = null;
        try
        {
            await c.Act(scene);
        }
        catch (Exception ex)
        {
            caught = ex;
        }

        var problems = new List<string>();
        if (caught is null)
        {
            return "no exception";
        }

        if (caught.GetType() != c.Expected)
        {
            problems.Add($"{caught.GetType().Name} instead of {c.Expected.Name} ({caught.Message})");
        }
        else if (c.Typed is { } typed && !typed(caught))
        {
            problems.Add($"wrong typed detail: {caught.Message}");
        }

        problems.AddRange(c.MessageNames.Where(n => !caught.Message.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"message lacks '{n}': {caught.Message}"));
        if (caught.Message.Contains(InvoicingHarness.Password, StringComparison.Ordinal) || caught.Message.Contains("hunter2", StringComparison.Ordinal))
        {
            problems.Add("message reveals a secret");
        }

        var sent = scene.Harness.Klarna.ReceivedRequests.Skip(requests).ToList();
        if (c.ReadsKlarna ? sent.Any(r => r.Method != "GET") : sent.Count > 0)
        {
            problems.Add($"{sent.Count} HTTP call(s) made: {string.Join(", ", sent.Select(r => r.Method + " " + r.Path))}");
        }

        if (scene.Ledger.Writes != writes || await scene.SnapshotAsync() != ledger)
        {
            problems.Add("the ledger changed");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>The cases are variations of valid inputs: prove the bases pass, so each case fails for its own reason.</summary>
    private static async Task BaselinesAreValidAsync(BadInputScene scene)
    {
        InvoicingOrderJson.Parse(scene.Json()).Should().BeEquivalentTo(scene.OpenOrder with { Lines = [scene.OpenOrder.Lines[0] with { ArticleNumber = null }] });
        await scene.WithOptions(_ => { });
        (await scene.Invoicing.ProposeAsync(scene.OpenOrder)).Should().NotBeNull();
    }
}
