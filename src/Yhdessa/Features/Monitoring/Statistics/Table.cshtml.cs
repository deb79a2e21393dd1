using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Yhdessa.Features.Monitoring.Statistics;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public sealed class TableModel(OpenTables tables) : PageModel
{
    public OpenTable? Table { get; private set; }

    public async Task<IActionResult> OnGetAsync(string table, CancellationToken cancellationToken)
    {
        Table = await tables.FindAsync(table, cancellationToken);
        return Table is null ? NotFound() : Page();
    }
}
