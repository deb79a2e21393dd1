using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Registration;

/// <summary><c>/events/my</c>: the signed-in person's registrations, upcoming first, each linking to its own page
/// where it can be cancelled, and to the confirmation step of deleting it. A place in a queue shows its number, an
/// offered seat the time by which to confirm it. Signed-out visitors are sent to sign in by the fallback policy.</summary>
public class MyModel(MyRegistrations mine, UserManager<User> users) : PageModel
{
    public List<MyRegistrations.Row> Upcoming { get; private set; } = [];
    public List<MyRegistrations.Row> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Upcoming, Past) = await mine.OfAsync(users.GetUserId(User)!, cancellationToken);
}
