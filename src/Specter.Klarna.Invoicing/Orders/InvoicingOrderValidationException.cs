namespace Specter.Klarna.Invoicing;

/// <summary>The exception thrown when an <see cref="InvoicingOrder"/> (or its JSON) is invalid; <see cref="Errors"/> lists every problem found.</summary>
public sealed class InvoicingOrderValidationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="InvoicingOrderValidationException"/> class.</summary>
    public InvoicingOrderValidationException()
        : this("The order is invalid.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InvoicingOrderValidationException"/> class.</summary>
    /// <param name="message">The message.</param>
    public InvoicingOrderValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="InvoicingOrderValidationException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public InvoicingOrderValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="InvoicingOrderValidationException"/> class for a list of errors.</summary>
    /// <param name="errors">The errors, at least one.</param>
    public InvoicingOrderValidationException(IReadOnlyList<OrderValidationError> errors)
        : this(errors, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InvoicingOrderValidationException"/> class for a list of errors.</summary>
    /// <param name="errors">The errors, at least one.</param>
    /// <param name="innerException">The exception that caused it (for example a JSON parser exception), or <see langword="null"/>.</param>
    public InvoicingOrderValidationException(IReadOnlyList<OrderValidationError> errors, Exception? innerException)
        : base(BuildMessage(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>Gets the validation errors; empty when constructed with a message only.</summary>
    public IReadOnlyList<OrderValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<OrderValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => "The order is invalid.",
            1 => "The order is invalid: " + errors[0].Message,
            _ => $"The order is invalid ({errors.Count} errors): " + string.Join(" ", errors.Select(e => e.Message)),
        };
    }
}
