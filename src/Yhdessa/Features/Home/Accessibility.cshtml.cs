using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Yhdessa.Features.Home;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class AccessibilityModel : PageModel
{
    public void OnGet() { }
}
