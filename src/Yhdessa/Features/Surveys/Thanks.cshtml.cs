using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yhdessa.Features.Surveys;

/// <summary>Where an answer lands once saved. Says nothing of which survey, so the address reveals nothing either.</summary>
[AllowAnonymous]
public class ThanksModel : PageModel
{
    public void OnGet() { }
}
