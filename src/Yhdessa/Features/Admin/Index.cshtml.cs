using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Admin;

[Authorize(Policy = Policies.Coordinator)]
public class IndexModel : PageModel
{
    public void OnGet() { }
}
