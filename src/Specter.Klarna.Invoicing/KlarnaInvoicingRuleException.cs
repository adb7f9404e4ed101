namespace Specter.Klarna.Invoicing;

/// <summary>The exception thrown when an operation would break an invoicing rule (for example changing a locked invoice).</summary>
public sealed class KlarnaInvoicingRuleException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="KlarnaInvoicingRuleException"/> class.</summary>
    public KlarnaInvoicingRuleException()
        : this("An invoicing rule was broken.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaInvoicingRuleException"/> class.</summary>
    /// <param name="message">The message.</param>
    public KlarnaInvoicingRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaInvoicingRuleException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public KlarnaInvoicingRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaInvoicingRuleException"/> class for a violation.</summary>
    /// <param name="violation">The broken rule; <see cref="Exception.Message"/> is its English text (the neutral resources), for logs.</param>
    public KlarnaInvoicingRuleException(KlarnaInvoicingRuleViolation violation)
        : base((violation ?? throw new ArgumentNullException(nameof(violation))).GetMessage(System.Globalization.CultureInfo.InvariantCulture))
    {
        Violation = violation;
    }

    /// <summary>Gets the broken rule, or <see langword="null"/> when constructed without one.</summary>
    public KlarnaInvoicingRuleViolation? Violation { get; }

    /// <summary>Gets the rule that was broken, or <see langword="null"/> when constructed without one.</summary>
    public KlarnaInvoicingRule? Rule => Violation?.Rule;
}
