using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// A newcomer's whole way in, as a person does it in a real browser, in each language: choose the language in
/// the header, sign up, read the confirmation email from the SMTP server, confirm, sign in, join an open group
/// and ask to join one that takes members by approval. Every page on the way is checked by axe-core (WCAG 2.1
/// A and AA) and must be in the chosen language. Account forms allow 10 submissions a minute from one
/// address, so the class stays well under that: two per journey and one for the bad input.
/// </summary>
public sealed class MembershipJourneyTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    /// <summary>What the person sees and reads, per language; written out here so that a missing translation fails.</summary>
    public sealed record Words(
        string Language, string Switcher, string LanguageName, string Person,
        string SignUpNav, string SignUpTitle, string Name, string Email, string Password, string PreferredLanguage, string SignUpButton,
        string CheckEmailTitle, string MailSubject, string MailGreeting,
        string ConfirmTitle, string ConfirmButton, string Confirmed,
        string SignInTitle, string SignInButton, string AccountTitle, string GroupsNav, string GroupsTitle,
        string Join, string Joined, string YouAreMember, string Request, string Requested, string Pending,
        string ErrorSummaryTitle, string PasswordTooShort);

    private static readonly Dictionary<string, Words> Language = new()
    {
        ["fi"] = new("fi", "Suomeksi", "Suomi", "Anna-Liisa Väänänen",
            "Rekisteröidy", "Liity verkostoon", "Nimi", "Sähköpostiosoite", "Salasana", "Kieli", "Luo tili",
            "Tarkista sähköpostisi", "Vahvista sähköpostiosoitteesi – Yhdessä", "Hei Anna-Liisa Väänänen,",
            "Vahvista sähköpostiosoite", "Vahvista osoite", "Sähköpostiosoitteesi on vahvistettu. Voit nyt kirjautua sisään.",
            "Kirjaudu sisään", "Kirjaudu sisään", "Oma tili", "Ryhmät", "Ryhmät",
            "Liity ryhmään", "Liityit ryhmään.", "Olet ryhmän jäsen.", "Pyydä liittymistä",
            "Liittymispyyntösi lähetettiin ryhmän ylläpitäjille.", "Liittymispyyntösi odottaa käsittelyä.",
            "Korjaa seuraavat kohdat", "Salasanassa on oltava vähintään 12 merkkiä."),
        ["sv"] = new("sv", "På svenska", "Svenska", "Åsa Öhman",
            "Registrera dig", "Gå med i nätverket", "Namn", "E-postadress", "Lösenord", "Språk", "Skapa konto",
            "Kontrollera din e-post", "Bekräfta din e-postadress – Yhdessä", "Hej Åsa Öhman,",
            "Bekräfta e-postadressen", "Bekräfta adressen", "Din e-postadress är bekräftad. Du kan nu logga in.",
            "Logga in", "Logga in", "Mitt konto", "Grupper", "Grupper",
            "Gå med i gruppen", "Du gick med i gruppen.", "Du är medlem i gruppen.", "Be om att få gå med",
            "Din begäran skickades till gruppens administratörer.", "Din begäran väntar på behandling.",
            "Rätta följande", "Lösenordet måste ha minst 12 tecken."),
        ["en"] = new("en", "In English", "English", "Siobhán O'Connor",
            "Sign up", "Join the network", "Name", "Email address", "Password", "Language", "Create account",
            "Check your email", "Confirm your email address – Yhdessä", "Hello Siobhán O'Connor,",
            "Confirm your email address", "Confirm address", "Your email address is confirmed. You can now sign in.",
            "Sign in", "Sign in", "My account", "Groups", "Groups",
            "Join the group", "You joined the group.", "You are a member of the group.", "Request to join",
            "Your request was sent to the group admins.", "Your request is waiting for a decision.",
            "Please correct the following", "The password must have at least 12 characters."),
    };

    private const string GoodPassword = "kolme vihreää omenaa pöydällä 2026";

    /// <summary>Swedish, with the longest words, goes on a 320 px phone screen, where no page may need sideways scrolling.</summary>
    [Theory]
    [InlineData("fi", 1280)]
    [InlineData("sv", 320)]
    [InlineData("en", 1280)]
    public async Task Newcomer_signs_up_confirms_the_email_signs_in_and_joins_groups_in_the_chosen_language(string language, int width)
    {
        var w = Language[language];
        var (open, byApproval) = await CreateGroupsAsync();
        var email = $"{language}.{Guid.NewGuid():N}@example.org";
        var page = await browser.NewPageAsync(width: width, height: width < 500 ? 640 : 800);

        // The front page, then the language from the header switcher (Finnish too is chosen, from Swedish).
        await page.GotoAsync("/");
        await PageIsCleanAsync(page, "fi");
        if (language == "fi")
        {
            await SwitchLanguageAsync(page, "På svenska");
            await PageIsCleanAsync(page, "sv");
        }
        await SwitchLanguageAsync(page, w.Switcher);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await PageIsCleanAsync(page, language);

        // Sign up, filling the form by its labels.
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = w.SignUpNav, Exact = true }).ClickAsync();
        await ArriveAsync(page, "**/account/sign-up");
        await AssertHeadingAsync(page, w.SignUpTitle);
        await PageIsCleanAsync(page, language);
        var main = page.Locator("main");
        // The language of the site is the one offered for email; the person chooses it all the same.
        Assert.Equal(language, await main.GetByLabel(w.PreferredLanguage, new() { Exact = true }).InputValueAsync());
        await main.GetByLabel(w.Name, new() { Exact = true }).FillAsync(w.Person);
        await main.GetByLabel(w.Email, new() { Exact = true }).FillAsync(email);
        await main.GetByLabel(w.Password, new() { Exact = true }).FillAsync(GoodPassword);
        await main.GetByLabel(w.PreferredLanguage, new() { Exact = true }).SelectOptionAsync(language);
        await main.GetByRole(AriaRole.Button, new() { Name = w.SignUpButton }).ClickAsync();

        await ArriveAsync(page, "**/account/check-email");
        await AssertHeadingAsync(page, w.CheckEmailTitle);
        await PageIsCleanAsync(page, language);

        // The confirmation email, in the language chosen on sign-up, with a link to this site.
        var message = await browser.Inbox.WaitForMessageTo(email, TimeSpan.FromSeconds(15));
        Assert.Equal(w.MailSubject, message.Subject);
        Assert.StartsWith(w.MailGreeting, message.TextBody);
        var link = Assert.Single(SmtpInbox.LinksIn(message));
        Assert.Equal(browser.BaseAddress.Authority, link.Authority);
        Assert.Equal("/account/confirm-email", link.AbsolutePath);
        // The HTML part too is a page a person reads, often with a screen reader: the same check, in a tab of its own.
        var mail = await page.Context.NewPageAsync();
        await mail.SetContentAsync(Assert.IsType<string>(message.HtmlBody));
        Assert.Contains(w.MailGreeting, await mail.Locator("body").InnerTextAsync());
        Assert.Equal(w.MailSubject, await mail.TitleAsync());
        await PageIsCleanAsync(mail, language);
        await mail.CloseAsync();

        await page.GotoAsync(link.ToString());
        await AssertHeadingAsync(page, w.ConfirmTitle);
        await PageIsCleanAsync(page, language);
        await main.GetByRole(AriaRole.Button, new() { Name = w.ConfirmButton }).ClickAsync();

        // Confirmed: on to signing in, where the notice says so.
        await ArriveAsync(page, "**/account/sign-in");
        await AssertHeadingAsync(page, w.SignInTitle);
        Assert.Equal(w.Confirmed, (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());
        await PageIsCleanAsync(page, language);
        await main.GetByLabel(w.Email, new() { Exact = true }).FillAsync(email);
        // Signing in by keyboard: Enter in the password field sends the form.
        await main.GetByLabel(w.Password, new() { Exact = true }).FillAsync(GoodPassword);
        await main.GetByLabel(w.Password, new() { Exact = true }).PressAsync("Enter");

        await ArriveAsync(page, "**/account");
        await AssertHeadingAsync(page, w.AccountTitle);
        Assert.Contains(w.Person, await main.InnerTextAsync());
        Assert.Contains(w.LanguageName, await main.InnerTextAsync());
        await PageIsCleanAsync(page, language);

        // The groups, and an open group to join.
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = w.GroupsNav, Exact = true }).ClickAsync();
        await ArriveAsync(page, "**/network/groups");
        await AssertHeadingAsync(page, w.GroupsTitle);
        await PageIsCleanAsync(page, language);

        await main.GetByRole(AriaRole.Link, new() { Name = open.Names[language], Exact = true }).ClickAsync();
        await ArriveAsync(page, $"**/network/groups/{open.Slug}");
        await AssertHeadingAsync(page, open.Names[language]);
        await PageIsCleanAsync(page, language);
        await main.GetByRole(AriaRole.Button, new() { Name = w.Join, Exact = true }).ClickAsync();

        await page.WaitForSelectorAsync("main [role=status]");
        Assert.Equal(w.Joined, (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());
        Assert.Contains(w.YouAreMember, await main.InnerTextAsync());
        // The person is on the group's list of members.
        Assert.Equal(1, await page.Locator("section[aria-labelledby=members-heading] li").Filter(new() { HasText = w.Person }).CountAsync());
        await PageIsCleanAsync(page, language);

        // A group that takes members by approval: the request waits.
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = w.GroupsNav, Exact = true }).ClickAsync();
        await ArriveAsync(page, "**/network/groups");
        // Its Finnish name is marked as Finnish on a Swedish or English page, so that a screen reader says it right.
        var finnishName = language == "fi" ? null : "fi";
        var groupLink = main.GetByRole(AriaRole.Link, new() { Name = byApproval.Names[language], Exact = true });
        Assert.Equal(finnishName, await groupLink.EvaluateAsync<string?>("a => a.closest('[lang]') === document.documentElement ? null : a.closest('[lang]').lang"));
        await groupLink.ClickAsync();
        await ArriveAsync(page, $"**/network/groups/{byApproval.Slug}");
        await AssertHeadingAsync(page, byApproval.Names[language]);
        Assert.Equal(finnishName, await page.Locator("h1").EvaluateAsync<string?>("h => h.closest('[lang]') === document.documentElement ? null : h.closest('[lang]').lang"));
        await PageIsCleanAsync(page, language);
        Assert.Equal(0, await main.GetByRole(AriaRole.Button, new() { Name = w.Join, Exact = true }).CountAsync());
        await main.GetByRole(AriaRole.Button, new() { Name = w.Request, Exact = true }).ClickAsync();

        await page.WaitForSelectorAsync("main [role=status]");
        Assert.Equal(w.Requested, (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());
        Assert.Contains(w.Pending, await main.InnerTextAsync());
        await PageIsCleanAsync(page, language);

        // Nothing in the journey sent a second email or one in another language.
        Assert.Single(browser.Inbox.MessagesTo(email));
    }

    [Fact]
    public async Task Sign_up_with_a_too_short_password_shows_an_error_summary_that_leads_to_the_field()
    {
        // On a phone, where following the link scrolls the page.
        var w = Language["sv"];
        var page = await browser.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync("/");
        await SwitchLanguageAsync(page, w.Switcher);
        await MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = w.SignUpNav, Exact = true }).ClickAsync();
        await ArriveAsync(page, "**/account/sign-up");
        var main = page.Locator("main");
        await main.GetByLabel(w.Name, new() { Exact = true }).FillAsync(w.Person);
        await main.GetByLabel(w.Email, new() { Exact = true }).FillAsync($"kort.{Guid.NewGuid():N}@example.org");
        await main.GetByLabel(w.Password, new() { Exact = true }).FillAsync("för kort");
        await main.GetByRole(AriaRole.Button, new() { Name = w.SignUpButton }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await summary.WaitForAsync();
        Assert.Equal(w.ErrorSummaryTitle, (await summary.GetByRole(AriaRole.Heading).InnerTextAsync()).Trim());
        var password = main.GetByLabel(w.Password, new() { Exact = true });
        Assert.Equal("true", await password.GetAttributeAsync("aria-invalid"));
        // The field's own message is read with the field; what was typed elsewhere is kept.
        Assert.Contains(w.PasswordTooShort, await page.Locator("#" + (await password.GetAttributeAsync("aria-describedby"))!.Split(' ')[0]).InnerTextAsync());
        Assert.Equal(w.Person, await main.GetByLabel(w.Name, new() { Exact = true }).InputValueAsync());
        await AssertHeadingAsync(page, w.SignUpTitle, titlePrefix: "Fel: ");
        await PageIsCleanAsync(page, "sv");

        await summary.GetByRole(AriaRole.Link, new() { Name = w.PasswordTooShort }).ClickAsync();

        Assert.True(await password.EvaluateAsync<bool>("field => field === document.activeElement"),
            "the error summary's link should move the focus to the password field");
        // …where the focus shows, and the field's label is on screen to say what it is.
        Assert.Equal("solid", await password.EvaluateAsync<string>("field => getComputedStyle(field).outlineStyle"));
        Assert.True(await main.Locator("label[for=Input_Password]").IsVisibleAsync());
        Assert.True(await main.Locator("label[for=Input_Password]").EvaluateAsync<bool>(
            "label => label.getBoundingClientRect().top >= 0 && label.control.getBoundingClientRect().bottom <= innerHeight"),
            "the password field and its label should be in view after following the error summary's link");
    }

    private sealed record TestGroup(string Slug, Dictionary<string, string> Names);

    /// <summary>Test databases start empty: an open group and one that takes members by approval, named in every language.</summary>
    private async Task<(TestGroup Open, TestGroup ByApproval)> CreateGroupsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var open = new TestGroup("kehittajat-" + suffix, new()
        {
            ["fi"] = $"Kehittäjäryhmä {suffix}", ["sv"] = $"Utvecklingsgrupp {suffix}", ["en"] = $"Development group {suffix}",
        });
        // Named in Finnish only, as a coordinator may leave it: Swedish and English pages show the Finnish name.
        var byApproval = new TestGroup("ohjaus-" + suffix, new()
        {
            ["fi"] = $"Ohjausryhmä {suffix}", ["sv"] = $"Ohjausryhmä {suffix}", ["en"] = $"Ohjausryhmä {suffix}",
        });
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        foreach (var (group, joining, kind) in new[] { (open, Joining.Open, GroupKind.ThematicGroup), (byApproval, Joining.ByApproval, GroupKind.SteeringGroup) })
            db.Groups.Add(new Group
            {
                Slug = group.Slug, Kind = kind, Joining = joining, Visibility = MembershipVisibility.Public,
                NameFi = group.Names["fi"], NameSv = group == open ? group.Names["sv"] : null, NameEn = group == open ? group.Names["en"] : null,
                DescriptionFi = "Ryhmä selainkokeita varten.", DescriptionSv = "En grupp för webbläsartester.",
                DescriptionEn = "A group for browser tests.", CreatedAt = DateTimeOffset.UtcNow,
            });
        await db.SaveChangesAsync();
        return (open, byApproval);
    }

    private static ILocator MainNavigation(IPage page) => page.Locator("nav.main-nav");

    private static async Task SwitchLanguageAsync(IPage page, string linkName)
    {
        var before = await page.Locator("html").GetAttributeAsync("lang");
        await page.Locator("nav.languages").GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("before => document.documentElement.lang !== before", before);
    }

    /// <summary>Waits for the browser to reach <paramref name="address"/>; if it does not, says where it is and what the page says.</summary>
    private static async Task ArriveAsync(IPage page, string address)
    {
        // "**/account" is any address whose path ends so, with or without a query.
        var path = address.TrimStart('*');
        try { await page.WaitForAddressAsync(url => new Uri(url).AbsolutePath.EndsWith(path)); }
        catch (Xunit.Sdk.FailException)
        {
            Assert.Fail($"expected {address}, still at {page.Url}:\n{await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>The one h1 says where the person is, and so does the window's title (WCAG 2.4.2).
    /// A form returned with errors says so first in the title.</summary>
    private static async Task AssertHeadingAsync(IPage page, string expected, string titlePrefix = "")
    {
        Assert.Equal(expected, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal($"{titlePrefix}{expected} – Yhdessä", await page.TitleAsync());
    }

    /// <summary>Every page on the way: in the chosen language and free of WCAG 2.1 A/AA violations.</summary>
    private static async Task PageIsCleanAsync(IPage page, string language)
    {
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoViolationsAsync(page);
        // WCAG 1.4.10 Reflow: nothing wider than the window, on a phone as on a desktop.
        var tooWide = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= document.documentElement.clientWidth ? [] :
                [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                    .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.textContent.trim().slice(0, 40)}`)
            """);
        Assert.True(tooWide.Length == 0, $"{page.Url} needs sideways scrolling; too wide: {string.Join("; ", tooWide)}");
    }
}
