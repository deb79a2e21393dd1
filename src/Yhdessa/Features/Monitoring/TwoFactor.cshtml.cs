using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yhdessa.Features.Monitoring;

/// <summary><c>/monitoring/two-factor</c>: where a coordinator or reporter without two-step sign-in lands when
/// opening micro-data — why it is needed and where to turn it on. Any signed-in person may read it.</summary>
public class TwoFactorModel : PageModel
{
    public void OnGet() { }
}
