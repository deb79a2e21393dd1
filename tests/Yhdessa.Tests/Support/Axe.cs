using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Yhdessa.Tests.Support;

/// <summary>Checks a page with axe-core against WCAG 2.0 and 2.1, levels A and AA.</summary>
/// <remarks>axe-core is installed in every page of a test's browser (<see cref="InstallAsync"/>) and run directly:
/// injecting its half-megabyte script again for each check and reading back every passing node, as the Playwright
/// wrapper does, took 2–3 s a page on two cores against 0.1–0.5 s for the same rules run like this.</remarks>
public static class Axe
{
    private static readonly string Script = new BundledAxeScriptProvider().GetScript();

    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return {
            passes: result.passes.length,
            violations: result.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({
                target: n.target.join(' '), html: n.html,
                messages: [...n.any, ...n.all, ...n.none].map(c => c.message),
              })),
            })),
          };
        }
        """;

    /// <summary>Makes axe-core part of every page the context opens.</summary>
    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Script);

    /// <summary>Fails with one readable line per problem and element: rule, impact, what to fix, where.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // A page written with SetContentAsync (an email's HTML) is not a new document: axe is added there.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Script);
        var result = await page.EvaluateAsync<JsonElement>(Run);
        // A page where axe checked nothing would pass silently, for example if it could not be injected.
        Assert.True(result.GetProperty("passes").GetInt32() > 0, $"axe checked nothing on {page.Url}");
        var violations = result.GetProperty("violations");
        if (violations.GetArrayLength() == 0) return;

        var report = new StringBuilder($"Accessibility violations on {page.Url}:\n");
        foreach (var violation in violations.EnumerateArray())
        {
            report.Append($"- {violation.GetProperty("id")} ({violation.GetProperty("impact")}): " +
                $"{violation.GetProperty("help")} {violation.GetProperty("helpUrl")}\n");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                report.Append($"    at {node.GetProperty("target")}: {node.GetProperty("html")}\n");
                // axe's own failure summary: the checks of which any one, all, or none must pass.
                foreach (var message in node.GetProperty("messages").EnumerateArray())
                    report.Append($"      {message}\n");
            }
        }
        Assert.Fail(report.ToString());
    }
}
