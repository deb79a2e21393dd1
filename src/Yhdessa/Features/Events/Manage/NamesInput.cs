using System.ComponentModel.DataAnnotations;
using Yhdessa.Features.Events.Data;

namespace Yhdessa.Features.Events.Manage;

/// <summary>A name in Finnish (required) with Swedish and English versions: themes and series.</summary>
public sealed class NamesInput
{
    public int? Id { get; set; }
    [Required(ErrorMessage = "Required"), StringLength(EventLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Events_NameFi")]
    public string NameFi { get; set; } = "";
    [StringLength(EventLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Events_NameSv")]
    public string? NameSv { get; set; }
    [StringLength(EventLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Events_NameEn")]
    public string? NameEn { get; set; }
}
