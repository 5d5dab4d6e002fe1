"""Titles by agreement between a page's sources, site names, and the last-resort dates.

Each page is markup written for the test in the shape a real template prints (named in the
test); the expected values come from reading that markup.
"""

from __future__ import annotations

from datetime import UTC, datetime

from page_metadata import metadata_of


def test_the_metadata_title_the_headline_prints_wins_over_a_differing_json_ld_headline() -> None:
    # A German news site's shape: the JSON-LD headline is an older wording, og:title and the
    # printed <h1> the current one.
    page = (
        "<html><head>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"49-Euro-Ticket: Pendler sparen 60 Prozent bei Bus und Bahn"}</script>'
        '<meta property="og:title" content="49-Euro-Ticket: Pendler zahlen 60 Prozent weniger">'
        "<title>49-Euro-Ticket: Pendler zahlen 60 Prozent weniger | Zeitung</title></head>"
        "<body><article><h1>49-Euro-Ticket: Pendler zahlen 60 Prozent weniger</h1>"
        "<p>Wer pendelt, spart.</p></article></body></html>"
    )
    assert metadata_of(page).title == "49-Euro-Ticket: Pendler zahlen 60 Prozent weniger"


def test_a_kicker_printed_inside_the_h1_is_not_part_of_the_title() -> None:
    # A public broadcaster's sports page: the topic line is a <span> inside the <h1>.
    page = (
        "<html><head>"
        '<meta property="og:title" content="Rückschlag im Titelkampf: Liverpool verliert">'
        "<title>Rückschlag im Titelkampf: Liverpool verliert | sportschau.de</title></head>"
        "<body><h1><span class='topline'>Premier League</span> "
        "Rückschlag im Titelkampf: Liverpool verliert</h1><p>Das Derby ging verloren.</p>"
        "</body></html>"
    )
    assert metadata_of(page).title == "Rückschlag im Titelkampf: Liverpool verliert"


def test_a_section_and_site_after_the_printed_headline_are_cut() -> None:
    # MDN's shape: og:title "Page - Section | MDN", the <h1> the page's name alone.
    page = (
        "<html><head>"
        '<meta property="og:title" content="Using promises - JavaScript | MDN">'
        "</head><body><main><h1>Using promises</h1><p>A promise is an object.</p></main>"
        "</body></html>"
    )
    assert metadata_of(page, "https://developer.mozilla.org/en-US/docs/x").title == "Using promises"


def test_a_permalink_mark_after_a_documentation_heading_is_dropped() -> None:
    # Sphinx prints <a class="headerlink">¶</a> inside every heading.
    page = (
        "<html><head><title>Quickstart — Flask Documentation (3.1.x)</title></head><body>"
        '<h1>Quickstart<a class="headerlink" href="#quickstart">¶</a></h1>'
        "<p>Eager to get started?</p></body></html>"
    )
    assert metadata_of(page).title == "Quickstart"


def test_the_site_name_before_the_headline_is_cut_when_the_site_says_its_name() -> None:
    page = (
        "<html><head><meta property='og:site_name' content='Arch Linux'>"
        "<title>Arch Linux - What happened with the ISO in 2024</title></head>"
        "<body><p>Some text.</p></body></html>"
    )
    assert metadata_of(page).title == "What happened with the ISO in 2024"


def test_a_short_word_is_not_taken_for_a_shorter_form_of_the_site_name() -> None:
    # "Art" is inside "smartart" but is three letters: the <title>'s first part stays.
    page = (
        "<html><head><meta property='og:title' content='Art - A History of Painting'></head>"
        "<body><p>Some text.</p></body></html>"
    )
    assert metadata_of(page, "https://smartart.example/p").title == "Art - A History of Painting"


def test_the_modified_time_is_the_date_only_where_no_other_is_stated() -> None:
    # A WordPress page with Yoast: only article:modified_time in the head, no date printed.
    only_modified = (
        "<html><head>"
        '<meta property="article:modified_time" content="2023-03-22T17:52:04+00:00">'
        "</head><body><h1>Pest control with herbs</h1><p>Plant basil.</p></body></html>"
    )
    assert metadata_of(only_modified).published_at == datetime(2023, 3, 22, 17, 52, 4, tzinfo=UTC)
    both = (
        "<html><head>"
        '<meta property="article:modified_time" content="2023-03-22T17:52:04+00:00">'
        '<meta property="article:published_time" content="2021-06-17T20:45:56-04:00">'
        "</head><body><h1>Pest control with herbs</h1><p>Plant basil.</p></body></html>"
    )
    # Published wins; its offset kept: 20:45 at -04:00 is 00:45 UTC the next day.
    assert metadata_of(both).published_at == datetime(2021, 6, 18, 0, 45, 56, tzinfo=UTC)


def test_a_documentation_sites_date_meta_is_a_publication_date() -> None:
    # Microsoft Learn writes <meta name="ms.date" content="03/06/2025"> style values; here ISO.
    page = (
        "<html><head><meta name='ms.date' content='2025-03-06T00:00:00Z'>"
        "<meta name='updated_at' content='2025-10-23T11:11:00Z'></head>"
        "<body><h1>Set up a workstation</h1><p>Text.</p></body></html>"
    )
    assert metadata_of(page).published_at == datetime(2025, 3, 6, tzinfo=UTC)


def test_an_h1_in_the_breadcrumb_trail_is_not_the_headline() -> None:
    # Excerpt of abendblatt.de/politik/article.../baerbock... (fundus test page, MIT): the
    # breadcrumb's last crumb is an <h1> repeating og:title; the headline printed above the
    # article is an <h2> in an <hgroup>, and the JSON-LD headline says the same.
    page = (
        "<html><head>"
        '<meta property="og:title" content="Annalena Baerbock: Jetzt Top-Job in New York – '
        'folgt schon bald der Nächste?">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Baerbock '
        'zur UN: Nur eine Etappe zum nächsten Karriereschritt?"}</script>'
        "<title>Annalena Baerbock: Jetzt Top-Job in New York – folgt schon bald der Nächste?"
        "</title></head><body><article>"
        '<nav class="mb-10 relative"><ul class="flex items-center gap-3">'
        '<li><a href="/">Home</a></li><li><a href="/politik/">Politik</a></li>'
        '<li><h1 class="whitespace-nowrap" data-breadcrumb-headline>Annalena Baerbock: Jetzt '
        "Top-Job in New York – folgt schon bald der Nächste?</h1></li></ul></nav>"
        '<hgroup><div><span class="align-middle">UN-Generalversammlung</span></div>'
        '<h2 class="outline-none expressive-heading-3xl">Baerbock zur UN: Nur eine Etappe zum '
        "nächsten Karriereschritt?</h2></hgroup><p>Berlin. Annalena Baerbock ...</p>"
        "</article></body></html>"
    )
    assert (
        metadata_of(page).title == "Baerbock zur UN: Nur eine Etappe zum nächsten Karriereschritt?"
    )


def test_an_h1_marked_as_the_last_breadcrumb_is_not_the_headline() -> None:
    # Excerpt of businessinsider.de/wirtschaft/...evergrande... (fundus test page, MIT): the
    # breadcrumbs end in <h1 class="breadcrumb_last">; the article's headline is the
    # <h2 class="entry-title"> that og:title repeats.
    page = (
        "<html><head>"
        '<meta property="og:title" content="6 Statistiken, die die enorme Größe von Evergrande, '
        'Chinas hoch verschuldeten Immobilienriesen verdeutlichen">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Wie groß ist '
        'Evergrande, Chinas strauchelnder Immobilienriese?"}</script>'
        "<title>Wie groß ist Evergrande, Chinas strauchelnder Immobilienriese? - Business Insider"
        '</title></head><body><header class="article-header"><div class="breadcrumbs"><span>'
        '<a href="/">Home</a> » <h1 class="breadcrumb_last" aria-current="page">Wie groß ist '
        "Evergrande, Chinas strauchelnder Immobilienriese?</h1></span></div>"
        '<h2 class="entry-title">6 Statistiken, die die enorme Größe von Evergrande, Chinas '
        "hoch verschuldeten Immobilienriesen verdeutlichen</h2></header>"
        "<p>Evergrande ist ...</p></body></html>"
    )
    assert metadata_of(page).title == (
        "6 Statistiken, die die enorme Größe von Evergrande, Chinas hoch verschuldeten "
        "Immobilienriesen verdeutlichen"
    )


def test_a_section_the_address_names_is_cut_from_the_end_of_the_title() -> None:
    # Excerpt of commercialappeal.com/story/opinion/contributors/2025/12/19/meditation-health-
    # benefits-physical-mental/87830855007/ (WCEB-2025 dev/0120, CC-BY-4.0): og:title and the
    # <h1> end in "| Opinion", the section the address names.
    url = (
        "https://www.commercialappeal.com/story/opinion/contributors/2025/12/19/"
        "meditation-health-benefits-physical-mental/87830855007/"
    )
    page = (
        '<html><head><meta property="og:title" content="How meditation rewires brains and '
        'improves physical health | Opinion"><title>The full impact of meditation on mind, body '
        "and community | Opinion</title></head><body>"
        '<h1 class="display-2">How meditation rewires brains and improves physical health | '
        "Opinion</h1><p>Meditation changes the brain.</p></body></html>"
    )
    got = metadata_of(page, url).title
    assert got == "How meditation rewires brains and improves physical health"
    # Without the address, "Opinion" is no label of this page.
    assert metadata_of(page).title == (
        "How meditation rewires brains and improves physical health | Opinion"
    )


def test_the_sites_initials_are_cut_from_the_end_of_the_title() -> None:
    # Excerpt of worldfutureawards.com/2025-top-100-blockchain-and-web3-companies/ (WCEB-2025
    # dev/0207, CC-BY-4.0): the title ends in "| WFA", the initials of og:site_name.
    page = (
        '<html><head><meta property="og:site_name" content="World Future Awards">'
        '<meta property="og:title" content="2025 TOP 100 Blockchain and Web3 Companies | WFA">'
        "<title>2025 TOP 100 Blockchain and Web3 Companies | WFA</title></head><body>"
        "<h1>WFA Searches for the Most Impactful Web3 and Blockchain Solutions</h1>"
        "<p>The awards look for companies.</p></body></html>"
    )
    url = "https://worldfutureawards.com/2025-top-100-blockchain-and-web3-companies/"
    assert metadata_of(page, url).title == "2025 TOP 100 Blockchain and Web3 Companies"
