using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Yhdessa.Tests.Support;

/// <summary>Checks a page with axe-core against WCAG 2.0 and 2.1, levels A and AA.</summary>
public static class Axe
{
    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Fails with one readable line per problem and element: rule, impact, what to fix, where.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagAa },
        });
        // A page where axe checked nothing would pass silently, for example if it could not be injected.
        Assert.NotEmpty(result.Passes);
        if (result.Violations.Length == 0) return;

        var report = new StringBuilder($"Accessibility violations on {page.Url}:\n");
        foreach (var violation in result.Violations)
        {
            report.Append($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}\n");
            foreach (var node in violation.Nodes)
            {
                report.Append($"    at {node.Target}: {node.Html}\n");
                // axe's own failure summary: the checks of which any one, all, or none must pass.
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                    report.Append($"      {check.Message}\n");
            }
        }
        Assert.Fail(report.ToString());
    }
}
