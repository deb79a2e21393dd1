using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Yhdessa.Features.Monitoring.Statistics;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public sealed class IndexModel(OpenTables tables) : PageModel
{
    public IReadOnlyList<OpenTableInfo> Tables { get; private set; } = [];

    public void OnGet() => Tables = tables.Index();
}
