"""Bylines, titles and dates as templates print them: a label with the name in the next
element, author <meta> repeated per author, JSON-LD Persons given by @id, roles and buttons
beside names, site names around headlines, and numeric dates in the page's language.

Each page is markup written for the test in the shape of the template named in the test; the
expected values come from reading that markup.
"""

from __future__ import annotations

from datetime import UTC, datetime

from page_metadata import metadata_of


def test_a_label_alone_then_the_name_in_the_next_element() -> None:
    # A Tailwind author card (thesocialshepherd.com's blog): the label and the name are two
    # <div>s with layout classes only, a biography after them.
    page = (
        "<html><body><h1>Top Social Media Agencies in the US</h1>"
        "<p>Agencies change every year; these are the ones we would hire.</p>"
        '<div class="leading-tight"><div class="text-gray-400 text-2xs">Written by</div>'
        '<div class="text-black text-xl font-bold">Jack Shepherd</div>'
        "<div class='text-sm'>Hi! I'm Jack, co-founder of a social media agency, and I have "
        "spent the last ten years running campaigns for brands of every size.</div></div>"
        "</body></html>"
    )
    assert metadata_of(page).byline == "Jack Shepherd"


def test_a_label_followed_by_a_script_gives_no_code_as_a_name() -> None:
    page = (
        "<html><body><h1>Ein Bericht</h1><span>Autor:</span>"
        "<script>window._q.push(function() {load();})</script>"
        "<span>Lea Brandt</span><p>Der Text des Berichts folgt hier.</p></body></html>"
    )
    assert metadata_of(page).byline == "Lea Brandt"


def test_every_author_of_a_repeated_citation_meta_given_name_first() -> None:
    # Highwire Press tags as arXiv and PubMed Central write them: one citation_author per
    # author, "Family, Given".
    page = (
        "<html><head><title>Prompt Repetition</title>"
        '<meta name="citation_title" content="Prompt Repetition">'
        '<meta name="citation_author" content="Roy, Aniruddha">'
        '<meta name="citation_author" content="Patel, Jyoti">'
        '<meta name="citation_author" content="Chadha, Aman">'
        "</head><body><h1>Prompt Repetition</h1><p>Abstract.</p></body></html>"
    )
    assert metadata_of(page).byline == "Aniruddha Roy, Jyoti Patel, Aman Chadha"


def test_microdata_authors_in_the_body_are_not_the_articles_authors() -> None:
    # An image object's itemprop=author is its photographer; only the head's repeated names
    # list the article's authors.
    page = (
        '<html><head><meta name="author" content="Emma Mackenzie"></head><body>'
        "<h1>Seaside towns to visit</h1>"
        '<figure itemscope><meta itemprop="author" content="Getty Images"></figure>'
        "<p>The coast is at its best in September.</p></body></html>"
    )
    assert metadata_of(page).byline == "Emma Mackenzie"


def test_a_json_ld_author_given_by_its_id_in_the_graph() -> None:
    # Yoast SEO's @graph: the Article names its author by "@id" and the Person is a separate
    # node of the graph.
    page = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
        '"@graph": [{"@type": "Article", "headline": "Choosing plumbing material",'
        '"author": {"@id": "https://example.org/#/schema/person/7f3"}},'
        '{"@type": "Person", "@id": "https://example.org/#/schema/person/7f3",'
        '"name": "Dana Whitfield"}]}</script></head>'
        "<body><h1>Choosing plumbing material</h1><p>Copper or PEX?</p></body></html>"
    )
    assert metadata_of(page).byline == "Dana Whitfield"


def test_a_role_printed_after_the_name_is_dropped() -> None:
    # funnelstory.ai's blog: the name and the job title in one author element.
    page = (
        "<html><body><h1>Scaling Go testing</h1>"
        '<div class="author-name">Preetam Jinka Co-founder and Chief Architect</div>'
        "<p>Mocks are contracts.</p></body></html>"
    )
    assert metadata_of(page).byline == "Preetam Jinka"


def test_the_site_name_beside_the_writers_is_dropped() -> None:
    # A USA TODAY network byline: the writers, then the paper's name after a comma.
    page = (
        "<html><body><h1>How meditation rewires brains</h1>"
        '<div class="gnt_ar_by">By Manoj Jain, The Commercial Appeal</div>'
        "<p>Meditation changes the brain.</p></body></html>"
    )
    got = metadata_of(page, url="https://www.commercialappeal.com/story/opinion/meditation/")
    assert got.byline == "Manoj Jain"


def test_buttons_in_the_author_box_are_no_names() -> None:
    # A Squarespace blog's author block: the name, then follow buttons as links.
    page = (
        "<html><body><h1>Sewing for beginners</h1>"
        '<div class="blog-author"><a href="/blog?author=5f">Alex Woodbury</a>, '
        '<a href="#subscribe">Subscribe to updates from author</a></div>'
        "<p>Start with a tote bag.</p></body></html>"
    )
    assert metadata_of(page).byline == "Alex Woodbury"


def test_a_korean_reporter_title_after_the_name_is_dropped() -> None:
    # hankookilbo.com writes the paper and the reporter as two author <meta>s, "기자"
    # (reporter) after the name.
    page = (
        '<html lang="ko"><head><meta property="og:site_name" content="한국일보">'
        '<meta name="author" content="한국일보"><meta name="author" content="신현주 기자">'
        "</head><body><h1>장동혁, 한동훈 제명했지만</h1><p>본문</p></body></html>"
    )
    assert metadata_of(page).byline == "신현주"


def test_a_site_name_before_the_headline_is_cut() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Leadfeeder">'
        '<meta property="og:title" content="Leadfeeder | State of SEO in 2026: Trends and '
        'Predictions"></head><body><p>SEO keeps changing.</p></body></html>'
    )
    assert metadata_of(page).title == "State of SEO in 2026: Trends and Predictions"


def test_a_headline_opening_with_the_brand_keeps_it() -> None:
    # A shop's product page: the product's name starts with the brand, the colour after it.
    page = (
        '<html><head><meta property="og:site_name" content="Gymshark">'
        '<meta property="og:title" content="Gymshark Arrival T-Shirt - Black"></head>'
        "<body><p>Lightweight and breathable.</p></body></html>"
    )
    assert metadata_of(page).title == "Gymshark Arrival T-Shirt - Black"


def test_a_site_name_after_a_bullet_is_cut() -> None:
    # An Eleventy blog's <title>: "Post • Author".
    page = (
        '<html><head><meta property="og:site_name" content="Cory Dransfeldt">'
        '<meta property="og:title" content="A brief intro to git • Cory Dransfeldt"></head>'
        "<body><p>Git tracks changes.</p></body></html>"
    )
    assert metadata_of(page).title == "A brief intro to git"


def _printed(lang: str, date_text: str) -> str:
    return (
        f'<html lang="{lang}"><body><h1>Smart home automation</h1>'
        f'<div class="post-date">{date_text}</div><p>Start with one room.</p></body></html>'
    )


def test_a_slash_date_on_an_american_page_is_month_first() -> None:
    assert metadata_of(_printed("en", "03/04/2025")).published_at == datetime(
        2025, 3, 4, tzinfo=UTC
    )


def test_a_slash_date_elsewhere_is_day_first() -> None:
    assert metadata_of(_printed("de", "03/04/2025")).published_at == datetime(
        2025, 4, 3, tzinfo=UTC
    )
    assert metadata_of(_printed("en-gb", "03/04/2025")).published_at == datetime(
        2025, 4, 3, tzinfo=UTC
    )


def test_a_dotted_date_is_day_first_whatever_the_language() -> None:
    # "06.01.2026" on klassegegenklasse.org is the 6th of January; dots are day first in
    # English too.
    assert metadata_of(_printed("en", "03.04.2025")).published_at == datetime(
        2025, 4, 3, tzinfo=UTC
    )


def test_an_unambiguous_slash_date_reads_the_same_everywhere() -> None:
    for lang in ("en", "fr"):
        assert metadata_of(_printed(lang, "25/04/2024")).published_at == datetime(
            2024, 4, 25, tzinfo=UTC
        )
