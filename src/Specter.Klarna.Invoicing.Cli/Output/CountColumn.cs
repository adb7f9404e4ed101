using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>A progress column showing done/total (invoice-all, recover).</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:0}/{task.MaxValue:0}"));
}
