using System.Diagnostics;
using System.Text;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>
/// Runs the built tool on a pseudo-terminal with util-linux script(1): stdin, stdout and stderr are a terminal, as in an
/// interactive shell. What the terminal shows is collected; keys can be typed once a text appears.
/// </summary>
internal sealed class PseudoTerminal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _screen = new();
    private readonly Task _reader;

    private PseudoTerminal(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    public string Screen
    {
        get
        {
            lock (_screen)
            {
                return _screen.ToString();
            }
        }
    }

    public static PseudoTerminal Start(IDictionary<string, string?> environment, params string[] toolArgs)
    {
        string dll = typeof(CliApp).Assembly.Location;
        string command = "dotnet " + string.Join(' ', new[] { dll }.Concat(toolArgs).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new PseudoTerminal(Process.Start(start)!);
    }

    /// <summary>Waits until the screen shows <paramref name="text"/> (the tool is waiting for input, for example).</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Screen.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > timeout || _reader.IsCompleted)
            {
                throw new TimeoutException($"The terminal never showed '{text}': {Screen}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Waits until the tool has switched its terminal's echo off (it is reading a secret key by key). Typing earlier would
    /// be echoed by the terminal itself, as with any program: the kernel echoes type-ahead before the program reads it.
    /// </summary>
    public async Task WaitUntilEchoIsOffAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !_reader.IsCompleted)
        {
            if (FindTerminal() is { } tty && await IsEchoOffAsync(tty))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The terminal's echo was never switched off: " + Screen);
    }

    public async Task TypeAsync(string keys)
    {
        await _process.StandardInput.WriteAsync(keys);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        await _reader.WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> IsEchoOffAsync(string tty)
    {
        var start = new ProcessStartInfo("stty", ["-F", tty, "-a"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var stty = Process.Start(start)!;
        string settings = await stty.StandardOutput.ReadToEndAsync();
        await stty.WaitForExitAsync();
        return stty.ExitCode == 0 && settings.Split([' ', '\n', ';'], StringSplitOptions.RemoveEmptyEntries).Contains("-echo");
    }

    /// <summary>The pseudo-terminal script(1) gave the tool: the stdin of one of its descendants (Linux /proc).</summary>
    private string? FindTerminal()
    {
        var pending = new Queue<int>([_process.Id]);
        while (pending.TryDequeue(out int pid))
        {
            try
            {
                if (pid != _process.Id && File.ResolveLinkTarget($"/proc/{pid}/fd/0", returnFinalTarget: false)?.FullName is { } target
                    && target.StartsWith("/dev/pts/", StringComparison.Ordinal))
                {
                    return target;
                }

                foreach (string child in File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    pending.Enqueue(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return null;
    }

    private async Task ReadAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (_screen)
            {
                _screen.Append(buffer, 0, read);
            }
        }
    }
}
