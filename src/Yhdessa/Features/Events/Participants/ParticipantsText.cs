namespace Yhdessa.Features.Events.Participants;

/// <summary>Marker for the participant pages' texts (ParticipantsText.fi/sv/en.resx).</summary>
public sealed class ParticipantsText;
