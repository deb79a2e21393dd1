using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Network.Groups;

/// <summary>Coordinators add a group (<c>/network/groups/new</c>) or edit one (<c>/network/groups/{key}/edit</c>).</summary>
[Authorize(Policy = Policies.Coordinator)]
public class FormModel(YhdessaDb db, GroupService groups, AuditLog audit, IOutputCacheStore cache, TimeProvider clock,
    IStringLocalizer<NetworkText> n) : PageModel
{
    public sealed class GroupInput
    {
        [Required(ErrorMessage = "Required"), StringLength(NetworkLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Network_NameFi")]
        public string NameFi { get; set; } = "";
        [StringLength(NetworkLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Network_NameSv")]
        public string? NameSv { get; set; }
        [StringLength(NetworkLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Network_NameEn")]
        public string? NameEn { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Network_Kind")]
        public GroupKind? Kind { get; set; }
        [StringLength(NetworkLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Network_DescriptionFi")]
        public string? DescriptionFi { get; set; }
        [StringLength(NetworkLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Network_DescriptionSv")]
        public string? DescriptionSv { get; set; }
        [StringLength(NetworkLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Network_DescriptionEn")]
        public string? DescriptionEn { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Network_Joining")]
        public Joining? Joining { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Network_Visibility")]
        public MembershipVisibility? Visibility { get; set; }
    }

    [BindProperty] public GroupInput Input { get; set; } = new();
    public Group? Existing { get; private set; }
    public string Heading => Existing is null ? n["NewGroup"] : n["EditGroupTitle", Existing.NameFi];

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            Existing = await groups.FindAsync(key, cancellationToken);
            if (Existing is null) return NotFound();
            Input = new GroupInput
            {
                NameFi = Existing.NameFi, NameSv = Existing.NameSv, NameEn = Existing.NameEn, Kind = Existing.Kind,
                DescriptionFi = Existing.DescriptionFi, DescriptionSv = Existing.DescriptionSv, DescriptionEn = Existing.DescriptionEn,
                Joining = Existing.Joining, Visibility = Existing.Visibility,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            Existing = await groups.FindAsync(key, cancellationToken);
            if (Existing is null) return NotFound();
        }
        if (Input.Kind is { } k && !Enum.IsDefined(k)) ModelState.AddModelError("Input.Kind", n["ChooseOption"]);
        if (Input.Joining is { } j && !Enum.IsDefined(j)) ModelState.AddModelError("Input.Joining", n["ChooseOption"]);
        if (Input.Visibility is { } v && !Enum.IsDefined(v)) ModelState.AddModelError("Input.Visibility", n["ChooseOption"]);
        if (!ModelState.IsValid) return Page();

        var group = Existing ?? new Group { CreatedAt = clock.GetUtcNow() };
        group.NameFi = Input.NameFi.Trim();
        group.NameSv = TextInput.TrimToNull(Input.NameSv);
        group.NameEn = TextInput.TrimToNull(Input.NameEn);
        group.Kind = Input.Kind!.Value;
        group.DescriptionFi = Input.DescriptionFi?.Trim() ?? "";
        group.DescriptionSv = TextInput.TrimToNull(Input.DescriptionSv);
        group.DescriptionEn = TextInput.TrimToNull(Input.DescriptionEn);
        group.Joining = Input.Joining!.Value;
        group.Visibility = Input.Visibility!.Value;
        if (Existing is null)
        {
            group.Slug = Slugs.FromName(group.NameFi);
            db.Groups.Add(group);
        }
        audit.Record(Existing is null ? "network.group.created" : "network.group.edited", "group:" + group.Slug);
        if (!await db.SaveUnlessSlugTakenAsync(group, Existing is null, cancellationToken))
        {
            ModelState.AddModelError("Input.NameFi", n["GroupExists"]);
            return Page();
        }
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        TempData["Notice"] = (string)n["GroupSaved"];
        return Redirect("/network/groups/" + group.Slug);
    }
}
