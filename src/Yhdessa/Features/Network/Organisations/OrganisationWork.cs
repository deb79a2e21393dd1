using System.Security.Claims;

namespace Yhdessa.Features.Network.Organisations;

/// <summary>
/// What an organisation does in the network, told on its page by the feature that owns it (the events it organises, the
/// materials it wrote): the directory knows no such feature, so each registers one of these.
/// </summary>
public interface IOrganisationWork
{
    /// <summary>Parts are shown in this order, smallest first.</summary>
    int Order { get; }

    /// <summary>The part for <paramref name="organisationId"/> as <paramref name="viewer"/> may see it; null when there is nothing.</summary>
    Task<OrganisationWorkPart?> LoadAsync(int organisationId, ClaimsPrincipal viewer, CancellationToken cancellationToken);
}

/// <param name="All">The feature's own list of all of them (e.g. the materials filtered by the organisation), if any.</param>
public sealed record OrganisationWorkPart(string Heading, IReadOnlyList<OrganisationWorkItem> Items, OrganisationWorkLink? All = null);

/// <param name="Language">The language of <paramref name="Text"/> when it is not the page's.</param>
public sealed record OrganisationWorkItem(string Text, string Href, string? Detail = null, string? Language = null);

public sealed record OrganisationWorkLink(string Text, string Href);
