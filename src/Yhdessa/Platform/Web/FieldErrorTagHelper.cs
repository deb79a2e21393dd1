using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Yhdessa.Platform.Web;

/// <summary>
/// Tells assistive technology which field is wrong and why: a field with an error gets <c>aria-invalid="true"</c> and
/// is described by its message (the <c>span</c> with id <c>{field id}-error</c> written beside it).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own input and select tag helpers (order 0), which write the id.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0) return;
        var errorId = TagBuilder.CreateSanitizedId(name, "_") + "-error";
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing)
            ? $"{errorId} {existing.Value}" : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }
}
