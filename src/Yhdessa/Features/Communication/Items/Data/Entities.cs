namespace Yhdessa.Features.Communication.Items.Data;

/// <summary>Submitted → accepted (to be composed into a newsletter or the news), returned to the author with a note (she
/// edits and submits again), or declined with a reason.</summary>
public enum ItemState { Submitted, Returned, Accepted, Declined }

/// <summary>
/// An item a member writes for the next newsletter or the news: the two-way part of the network's communication. The
/// editors' changes on accepting are kept beside what she wrote (<see cref="SubmittedTitle"/>, <see cref="SubmittedText"/>),
/// so that she sees what was edited.
/// </summary>
public class NewsletterItem
{
    public int Id { get; set; }
    /// <summary>Who wrote it; null once her account is deleted (an accepted item stays, without her).</summary>
    public string? AuthorId { get; set; }
    /// <summary>The organisation credited when the item is published.</summary>
    public int? OrganisationId { get; set; }
    /// <summary>fi, sv or en: the language the item is written in.</summary>
    public string Language { get; set; } = "fi";
    public string Title { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>.</summary>
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    /// <summary>An image of the news feature's store (<see cref="News.Data.NewsImage"/>), with its alternative text.</summary>
    public int? ImageId { get; set; }
    public string? ImageAlt { get; set; }
    public ItemState State { get; set; }
    /// <summary>The editors' note when returning, or the reason when declining; shown to the author.</summary>
    public string? EditorNote { get; set; }
    /// <summary>What the author wrote, kept when an editor changed the title or text on accepting.</summary>
    public string? SubmittedTitle { get; set; }
    public string? SubmittedText { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Grows with every change, so that a decision or an edit on a stale page is refused.</summary>
    public int Revision { get; set; }
}

/// <summary>A group whose members edit the newsletter beside the coordinators.</summary>
public class NewsletterEditorGroup
{
    public int GroupId { get; set; }
}
