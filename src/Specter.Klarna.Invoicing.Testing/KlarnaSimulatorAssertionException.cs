namespace Specter.Klarna.Invoicing.Testing;

/// <summary>The exception thrown by the simulator's assertion helpers, independent of any test framework.</summary>
public sealed class KlarnaSimulatorAssertionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="KlarnaSimulatorAssertionException"/> class.</summary>
    public KlarnaSimulatorAssertionException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaSimulatorAssertionException"/> class.</summary>
    /// <param name="message">The message that describes the failed expectation.</param>
    public KlarnaSimulatorAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaSimulatorAssertionException"/> class.</summary>
    /// <param name="message">The message that describes the failed expectation.</param>
    /// <param name="innerException">The cause.</param>
    public KlarnaSimulatorAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
