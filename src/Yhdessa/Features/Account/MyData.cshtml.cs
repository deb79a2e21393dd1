using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>"Download my data" (GDPR art. 15 and 20): everything the service keeps about the person, as JSON.</summary>
public class MyDataModel(UserManager<User> users, PersonalDataService personalData) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var data = await personalData.ExportAsync(user, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "yhdessa-my-data.json");
    }
}
