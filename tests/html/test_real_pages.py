"""Real saved pages (excerpts under tests/fixtures/html/real/, each naming its public source):
the comment rows and metadata a reader sees on them, written by reading the markup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from extraction.content import PageContent, RawComment
from extraction.html import extract_html

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "real"


def _page(name: str) -> PageContent:
    return extract_html((REAL / name).read_text(encoding="utf-8"))


# Public collections of saved pages the excerpts come from, with their licences.
SOURCES = (
    ("flairNLP/fundus", "MIT licence"),
    ("Murrough-Foley/web-content-extraction-benchmark", "CC-BY-4.0 licence"),
)


def test_every_real_page_names_its_public_source() -> None:
    pages = sorted(REAL.glob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        head = page.read_text(encoding="utf-8")[:600]
        assert any(repo in head and licence in head for repo, licence in SOURCES), page.name


def test_phpbb_topic_body_is_the_whole_thread_and_replies_are_rows() -> None:
    # prosilver markup: div.post > dl.postprofile (a.username) + div.postbody with
    # p.author ("by NAME » <time datetime>") and div.content; single <br>s join lines.
    page = _page("virtualbox_phpbb_topic.html")
    assert page.title == "Discuss the VirtualBox 7.1.0 release here"
    assert page.byline == "galitsyn"  # the opening post's author
    assert page.published_at == datetime(2024, 9, 11, 16, 36, 25, tzinfo=UTC)
    # The thread is the page's main text: the opening post, then each reply in page order.
    assert page.paragraphs == (
        "You can download the release here. VirtualBox 7.1.0 is a significant new version.",
        "Changelog is here.",
        "Having upgraded from 7.1.0 Beta 2 to 7.1.0 build 164728 GA release, I am having "
        "network issues. Tests underway.",
        "I'm also having network problems. Not working with NAT on Windows Host (11) with "
        "Windows Guests (XP and 7). Updated Guest additions on both guests.",
    )
    assert page.comments == (
        RawComment(
            author="Simple07",
            body=(
                "Having upgraded from 7.1.0 Beta 2 to 7.1.0 build 164728 GA release, I am having "
                "network issues. Tests underway."
            ),
            posted_text="11. Sep 2024, 21:06",
            posted_at=datetime(2024, 9, 11, 19, 6, 8, tzinfo=UTC),
        ),
        RawComment(
            author="ehasis",
            body=(
                "I'm also having network problems. Not working with NAT on Windows Host (11) with "
                "Windows Guests (XP and 7). Updated Guest additions on both guests."
            ),
            posted_text="11. Sep 2024, 22:05",
            posted_at=datetime(2024, 9, 11, 20, 5, 43, tzinfo=UTC),
        ),
    )


def test_wordpress_thread_on_daily_maverick_keeps_replies_and_the_double_post() -> None:
    # wp_list_comments() markup: <cite class="fn"> name, the permalink's text as the time, the
    # text straight in div.comment-body, a reply in ul.children posted twice.
    page = _page("dailymaverick_icj_gaza.html")
    assert page.title == "ICJ concludes hearings on Israel aid obligations in Gaza"
    assert page.byline == "Victoria O’Regan"
    assert page.published_at == datetime(2025, 5, 3, 5, 0, 14, tzinfo=UTC)
    assert page.paragraphs[0].startswith("Appearing before the World Court, the South African")
    said = "Very well said!!"
    assert page.comments == (
        RawComment(
            author="kanu sukha",
            body=(
                "When the most ‘civilised’ state in the world (US with its own history of local "
                "genocide of indigenous people) defends, as it has done since 1967, a rogue UN "
                "state like Israel from its obligations as occupying power in the mid-east, we "
                "should not be surprised. This is not a ‘war’ by Israel against various "
                "neighboring states, but America’s 51st state on those opposed to its attempts at "
                "world hegemony. Add the rest of the ‘civilised’ world’s (total 13 % of world "
                "population – sometimes called the ‘west’) complicity & silence on the ongoing "
                "genocide (ICJ accepted) & we have the perfect example of colonisation (again!) on "
                "steroids. The other 9/10% of the west cannot even ‘confront’ this absurdity .. "
                "let alone ‘do’ something as elementary as ‘sanction’ an apartheid state."
            ),
            posted_text="5 May 2025 at 00:46",
        ),
        RawComment(
            author="Richard Bryant",
            body=(
                "Israel can’t have it both ways. If it indeed believes that UNRWA is assisting the "
                "armed groups operating in Gaza, then it must take over and supply the necessary "
                "humanitarian aid. But simply denying aid knowing that the biggest impact will be "
                "on the most vulnerable, it must be concluded that the aim is in fact to starve "
                "out the vulnerable. This is called genocide."
            ),
            posted_text="6 May 2025 at 08:16",
        ),
        RawComment(
            author="Ed Rybicki", body=said, posted_text="6 May 2025 at 11:17", parent_index=1
        ),
        RawComment(
            author="Ed Rybicki", body=said, posted_text="6 May 2025 at 11:17", parent_index=1
        ),
    )


def test_le_figaro_comments_found_by_shape_keep_their_offset() -> None:
    # No dialect knows "fig-comment": the list is found by its shape (repeated items, each a
    # name, a <time> and a text) inside an element whose class says comments.
    page = _page("lefigaro_coree_du_nord.html")
    assert page.title == (
        "Guerre en Ukraine : la Russie affirme avoir fait échouer la campagne militaire "
        "ukrainienne pour 2025"
    )
    assert page.published_at == datetime(2024, 11, 22, 6, 22, 44, tzinfo=UTC)  # 07:22:44+01:00
    spoup = (
        "Il ne reste à développer que la guerre humaine et écologique face aux monstruosités "
        "imaginées par nos concitoyens. Nous soumettons l’idée de développer les drones "
        "d’enfarinement de l’adversaire ou encore de le saupoudrer de sucre en poudre. Soutenez "
        "cette solution d’avenir : économique et innovante."
    )
    assert page.comments == (
        RawComment(
            author="Mapper",
            body=(
                "Comme d’habitude avec les russes, l’inversion accusatoire reste la règle. En "
                "faisant intervenir directement des troupes Nord coréennes sur le terrain c’est "
                "évidemment le Kremlin qui internationalise ce conflit et en parallèle déstabilise "
                "les équilibres mondiaux. Afrique, Europe, Moyen Orient… la Russie est en train de "
                "créer le chaos partout où elle le peut."
            ),
            posted_text="22/11/2024 à 09:47",
            posted_at=datetime(2024, 11, 22, 8, 47, 22, tzinfo=UTC),
        ),
        RawComment(
            author="spoup",
            body=spoup,
            posted_text="22/11/2024 à 09:24",
            posted_at=datetime(2024, 11, 22, 8, 24, 26, tzinfo=UTC),
        ),
        RawComment(
            author="spoup",
            body=spoup,
            posted_text="22/11/2024 à 09:18",
            posted_at=datetime(2024, 11, 22, 8, 18, 17, tzinfo=UTC),
        ),
    )


def test_ntv_local_time_keeps_the_offset_its_meta_states() -> None:
    # JSON-LD "datePublished": "2023-04-28 18:11:01.0" has no zone; <meta name="date"> writes
    # 2023-04-28T18:11:01+02:00 and the article prints "28.04.2023, 18:11 Uhr" (CEST).
    page = _page("ntv_judy_lybke.html")
    assert page.published_at == datetime(2023, 4, 28, 16, 11, 1, tzinfo=UTC)
    assert page.title == "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig"
    assert page.byline == "Juliane Rohr"
    assert page.paragraphs[0].startswith("Leipzig: Hier wurde vor 40 Jahren die Galerie")
    assert page.paragraphs[-1] == (
        "Mehr Information zu den Standorten und aktuellen Ausstellungen von Titus Schade in "
        "Leipzig sowie Olaf Nicolai in Berlin: Galerie Eigen + Art"
    )
    assert len(page.paragraphs) == 14  # twelve paragraphs and two subheadings
    assert page.comments == ()


def test_mdr_comments_keep_relative_times_and_paragraph_breaks() -> None:
    page = _page("mdr_fleischwirtschaft.html")
    assert page.title == "Ist die Thüringer Bratwurst eine Illusion? Das harte Geschäft mit dem Tod"
    # The head names only the site; a quoted butcher's "quoteAuthor" is not the byline.
    assert page.byline == "mdr.de"
    assert page.published_at == datetime(2023, 4, 28, 3, 0, tzinfo=UTC)
    assert page.paragraphs[0].startswith("Noch dampfen die zartrosa Leiber.")
    assert [(c.author, c.posted_text, c.posted_at) for c in page.comments] == [
        ("hinter-dem-Regenbogen", "vor 2 Stunden", None),
        ("GuterMensch", "vor 3 Stunden", None),
        ("kleinerfrontkaempfer", "vor 5 Stunden", None),
    ]
    assert page.comments[0].body == (
        "@spaeterpeter\n\n"
        "1. Sicherlich gibt es auch noch weitere Gründe, die sich auf den sinkenden "
        "Fleischbedarf (sinkende Fleischproduktion) in Deutschland auswirken. So sind z.B. auch "
        "Sanktionen allgemein, schon immer ein Export- und Handelshemmnis gewesen.\n\n"
        "2. ich würde es mir nie anmaßen, jemand wegen seiner Nahrungsgewohnheiten, einen "
        "Veganer zu belehren oder gar zu kritisieren. Wie sich das jedoch umgekehrt verhält, "
        "dass passt jetzt hier nicht in diesen Diskussionsblock hinein.\n\n"
        "Warum also die Aufregung ?"
    )
    assert page.comments[1].body == (
        "@späterpeter, ich hau mich weg, hier fordert ein angeblicher User (Sie) noch mehr "
        'Zensur vom MDR als es schon gibt.............. ? Na da werden die "Moderatoren" vom '
        "MDR so richtig stolz auf Sie sein ! ! ! Man kann nur noch mit dem Kopf "
        "schütteln................ich geh kaputt........lol"
    )
    assert all(c.parent_index is None for c in page.comments)


# Forum topics (a forum dialect reads their posts): the thread is the body, replies included.
FORUM_TOPICS = frozenset(
    {
        "archlinux_fluxbb_topic.html",
        "cameraderie_xenforo_thread.html",
        "evernote_invision_topic.html",
        "homeassistant_discourse_topic.html",
        "mybb_community_thread.html",
        "virtualbox_phpbb_topic.html",
        "webhostingtalk_vbulletin_thread.html",
    }
)


def test_comments_never_leak_into_the_body_of_a_real_page() -> None:
    # A discussion (a forum topic, or a page whose only text is its thread) is the exception:
    # its main text is the whole thread, so its replies are in the body as well as rows.
    for path in sorted(REAL.glob("*.html")):
        page = _page(path.name)
        thread = path.name in FORUM_TOPICS or page.page_kind.kind == "discussion"
        body = "\n".join(page.paragraphs)
        for comment in page.comments:
            assert (comment.body.split("\n\n")[0][:60] in body) == thread, path.name


def test_a_comment_forms_error_dialog_is_no_comment() -> None:
    # GameStar saves its comment form's hidden error dialog ("Dein Kommentar wurde nicht
    # gespeichert") in div.comment-body; no comment is shown on the saved page.
    page = _page("gamestar_comment_error_dialog.html")
    assert page.comments == ()
    assert page.byline == "Alana Friedrichs"
    assert page.paragraphs[0].startswith("Die niederländische Samsung-News-Seite »Sammobile«")


def test_a_recent_comments_widget_lists_other_pages_comments_not_this_ones() -> None:
    page = _page("wochenblatt_recent_comments_widget.html")
    assert page.comments == ()
    assert page.title == "Itaipu hat sechs neue Ausschreibungen in Höhe von 11 Millionen US-Dollar"
    assert page.paragraphs[0].startswith("Asunción: Das binationale Unternehmen hat sechs")


def test_drupal_replies_in_indented_siblings_are_threaded() -> None:
    # Drupal core: article.comment, "NAME | DATE" in .comment__submitted beside a rating
    # widget, the text in the comment_body field, a reply in the div.indented that follows it.
    page = _page("opensource_drupal_comments.html")
    assert page.title == "5 open source alternatives to Trello"
    assert page.declared_comment_count == 57
    assert page.paragraphs[0].startswith("I have to admit, I've fallen in love with Trello")
    assert page.comments == (
        RawComment(
            author="Paul Harper",
            body=(
                "If you are an Emacs user there is Org-Trello. Of course you would still be "
                "using the cloud platform. But that is handy on the mobile phone.: "
                "https://org-trello.github.io/"
            ),
            posted_text="August 27, 2015",
        ),
        RawComment(
            author="Wendy",
            body=(
                "Thank you for your advice related with Trello, although I have one app in mind "
                "that is quite simple and Can be properly use for large groups as well as "
                "individuals. I have started to use it online some time ago, and I am quite "
                "happy with the results:)) to satisfy your curiosity (). It might seriously "
                "save a lot of time"
            ),
            posted_text="July 19, 2018",
            parent_index=0,
        ),
        RawComment(
            author="Bhumika",
            body=(
                "Trello and all the other tools are good for organization looking for kanban "
                "model. But surely they lack in many other features required for sound project "
                "management like gantt, reports, templates etc. Well, we're using ProofHub into "
                "our organization and it is my favorite tool. It is really helping in increasing "
                "productivity at work and also has proven to be the best collaboration tool for "
                "us."
            ),
            posted_text="August 28, 2015",
        ),
        RawComment(
            author="Stefano",
            body=(
                "I don't think it's appropriate here to advertise for closed source alternatives "
                "to trello. Or at least, mention that they are closed so I don't waste my time "
                "checking the website. Thank you :)"
            ),
            posted_text="September 1, 2015",
        ),
    )
