namespace Yhdessa.Features.Events.Feedback;

/// <summary>Marker for the event feedback pages' and email texts (FeedbackText.fi/sv/en.resx).</summary>
public sealed class FeedbackText;
