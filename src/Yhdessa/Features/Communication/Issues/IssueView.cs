using Yhdessa.Features.Communication.Issues.Data;

namespace Yhdessa.Features.Communication.Issues;

/// <summary>An issue to show as a web page in one of its languages, with the names of the organisations it credits.</summary>
public sealed record IssueView(NewsletterIssue Issue, IReadOnlyDictionary<int, string> Organisations, string Language);
