"""The rule tables and helpers on their own: counts, credits, times, hosts, selector filter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from extraction.html import extract_html, rules
from extraction.html.body import photo_credit_of
from extraction.html.comment_shape import from_epoch
from extraction.html.dates import parse_datetime
from extraction.html.dialects import registered
from extraction.html.dialects.base import comment_count_in
from extraction.html.head import page_tags
from extraction.html.metadata import site_of
from extraction.html.text import attr_words, normalise_space, parse_count
from extraction.html.tree import Markup, parse_html, present, select

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("57 comments", 57),
        ("1 Comment", 1),
        ("4 replies on “How I Keep a Sourdough Starter”", 4),
        ("2 Responses to “Slugs, beer and other lies”", 2),
        ("One thought on “Ten years of the village orchard”", 1),
        ("Comments (3)", 3),
        ("1,204 comments", 1204),
        ("12", 12),
        ("Leave a comment", None),
        ("Care2 comments", None),
    ],
)
def test_declared_comment_count_reads_the_usual_wordings(text: str, count: int | None) -> None:
    assert comment_count_in(text) == count


@pytest.mark.parametrize(
    ("text", "signatures"),
    [
        ("Over 80,000 concerned Care2 members have signed this petition", 80000),
        ("More than 12,500 members have already signed our petition", 12500),
        ("so far 1,240 people have signed it", 1240),
        ("2.5k supporters have signed", 2500),
        ("Sign this petition now", None),
    ],
)
def test_petition_signatures_pattern(text: str, signatures: int | None) -> None:
    m = rules.PETITION_SIGNATURES_RE.search(text)
    assert (parse_count(m.group(1)) if m else None) == signatures


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo credit: Warren Wong via Unsplash.", "Warren Wong via Unsplash"),
        ("Photo: Marco Steiner/Reuters", "Marco Steiner/Reuters"),
        ("Cool roofs in Los Angeles. Photo credit: Getty Images", "Getty Images"),
        ("Image courtesy: NASA", "NASA"),
        ("Credit: AP", "AP"),
        ("A quiet street at dawn (Photo: Jane Doe)", "Jane Doe"),
        ("A quiet street at dawn", None),
        ("The new ferry at Port Ellis. Photo: Mia Chen", "Mia Chen"),
        ("Photograph: Jane Roe/Reuters", "Jane Roe/Reuters"),
        ("Crowds at the pier. (Photo by Sam Ortiz via Getty Images)", "Sam Ortiz via Getty Images"),
        ("He lost.Credit...Doug Mills/The New York Times", "Doug Mills/The New York Times"),
        ("Image via Getty Images", "Getty Images"),
        ("Courtesy of the Port Ellis Ferry Company", "the Port Ellis Ferry Company"),
        ("© Amazon", "Amazon"),
        # Marker words inside the caption's own sentence are not markers.
        ("A photo by the harbour wall shows the flood line", None),
        ("The tax credit: how it works", None),
        ("Photo: " + "a very long sentence " * 10, None),
    ],
)
def test_photo_credit_lines(line: str, credit: str | None) -> None:
    assert photo_credit_of(line) == credit


def _page(figure: str) -> str:
    body = "<p>The ferry service resumed on Monday after a winter of repairs to the pier.</p>" * 4
    return (
        "<html><head><title>Ferry returns</title></head><body><article>"
        f"<h1>Ferry returns</h1>{figure}{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("figure", "credit"),
    [
        (
            "<figure><img src='f.jpg'><figcaption>The new ferry at Port Ellis. Photo: Mia Chen"
            "</figcaption></figure>",
            "Mia Chen",
        ),
        (
            "<figure><img src='f.jpg'><figcaption>Photograph: Jane Roe/Reuters</figcaption>"
            "</figure>",
            "Jane Roe/Reuters",
        ),
        (
            "<figure><img src='f.jpg'><figcaption>Passengers boarding at dawn (Photo by Sam Ortiz"
            " via Getty Images)</figcaption></figure>",
            "Sam Ortiz via Getty Images",
        ),
        # A caption without a credit marker describes the picture: no credit from it.
        (
            "<figure><img src='f.jpg'><figcaption>The new ferry at Port Ellis.</figcaption>"
            "</figure>",
            None,
        ),
        # A credit element's text is the credit, marker or not.
        (
            "<figure><img src='f.jpg'><figcaption>The new ferry. <span class='credit'>Mia Chen"
            "</span></figcaption></figure>",
            "Mia Chen",
        ),
    ],
)
def test_photo_credit_from_captions(figure: str, credit: str | None) -> None:
    assert extract_html(_page(figure)).photo_credit == credit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-10-18T15:30:00-04:00", datetime(2017, 10, 18, 19, 30, tzinfo=UTC)),
        ("2021-03-07T09:12:44+00:00", datetime(2021, 3, 7, 9, 12, 44, tzinfo=UTC)),
        ("2020-07-14T10:00:00Z", datetime(2020, 7, 14, 10, 0, tzinfo=UTC)),
        ("2024-05-10T12:00:00+0900", datetime(2024, 5, 10, 3, 0, tzinfo=UTC)),
        ("2025-01-18", datetime(2025, 1, 18, tzinfo=UTC)),
        ("2019-11-19 06:44:20", datetime(2019, 11, 19, 6, 44, 20, tzinfo=UTC)),
        ("2020-13-45T99:99:99", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_datetime_is_utc_and_tz_aware(value: str | None, expected: datetime | None) -> None:
    assert parse_datetime(value) == expected


def _dated(head: str, byline: str = "") -> str:
    body = "<p>The ferry service resumed on Monday after a winter of repairs to the pier.</p>" * 4
    return (
        f"<html><head><title>Ferry returns</title>{head}</head><body><article>"
        f"<h1>Ferry returns</h1>{byline}{body}</article></body></html>"
    )


def _ld_date(value: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        f'"Ferry returns", "datePublished": "{value}"}}</script>'
    )


@pytest.mark.parametrize(
    ("head", "byline", "expected"),
    [
        # A local time in JSON-LD without its zone takes the offset a <meta> gives the same
        # wall-clock time (n-tv writes both so): 18:11 at +02:00 is 16:11 UTC.
        (
            _ld_date("2023-04-28 18:11:01.0")
            + '<meta name="date" content="2023-04-28T18:11:01+02:00">',
            "",
            datetime(2023, 4, 28, 16, 11, 1, tzinfo=UTC),
        ),
        # The zone may come from a <time> in the article.
        (
            _ld_date("2023-04-28T18:11"),
            '<time datetime="2023-04-28T18:11:00-04:00">April 28</time>',
            datetime(2023, 4, 28, 22, 11, tzinfo=UTC),
        ),
        # A bare day takes the zoned time of that same local day.
        (
            _ld_date("2023-04-28"),
            '<time datetime="2023-04-28T23:30:00-05:00">April 28</time>',
            datetime(2023, 4, 29, 4, 30, tzinfo=UTC),
        ),
        # A zoned time of another wall-clock time is another statement: the first one stands
        # (here the JSON-LD value is already the UTC instant).
        (
            _ld_date("2023-04-28T16:11:01")
            + '<meta name="date" content="2023-04-28T18:11:01+02:00">',
            "",
            datetime(2023, 4, 28, 16, 11, 1, tzinfo=UTC),
        ),
        # Nothing states a zone: read as UTC.
        (_ld_date("2023-04-28T18:11:01"), "", datetime(2023, 4, 28, 18, 11, 1, tzinfo=UTC)),
        # A zoned first value is never replaced.
        (
            _ld_date("2023-04-28T18:11:01+02:00")
            + '<meta name="date" content="2023-04-28T18:11:01-07:00">',
            "",
            datetime(2023, 4, 28, 16, 11, 1, tzinfo=UTC),
        ),
    ],
)
def test_a_local_time_without_its_zone_takes_the_offset_stated_elsewhere(
    head: str, byline: str, expected: datetime
) -> None:
    assert extract_html(_dated(head, byline)).published_at == expected


def test_epoch_stamps_in_seconds_and_milliseconds() -> None:
    assert from_epoch(1548520200000) == datetime(2019, 1, 26, 16, 30, tzinfo=UTC)
    assert from_epoch(1737280800) == datetime(2025, 1, 19, 10, 0, tzinfo=UTC)
    assert from_epoch(10**30) is None


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.care2.com/causes/x.html", "care2.com"),
        ("http://nanaskitchennotes.blogspot.com/2008/09/x.html", "nanaskitchennotes.blogspot.com"),
        ("https://WWW.Example.org:8080/a", "example.org"),
        ("not a url", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_site_is_the_host_without_www(url: str | None, site: str | None) -> None:
    assert site_of(url) == site


def test_normalise_space_handles_nbsp_and_zero_width_spaces() -> None:
    assert normalise_space("Maxim\u00a0Lapunov \u200b is\n\t here ") == "Maxim Lapunov is here"


def test_attr_words_split_class_names_into_words() -> None:
    assert attr_words("article-body__text story_share") == {
        "article",
        "body",
        "text",
        "story",
        "share",
    }


def test_furniture_lines_match_whole_lines_only() -> None:
    def furniture(text: str) -> bool:
        return any(p.fullmatch(text) for p in rules.FURNITURE_LINES)

    assert furniture("Advertisement")
    assert furniture("Take Action!")
    assert furniture("SEND")
    assert not furniture("Advertisements paid for the new stadium, the council said.")


def _all_selectors() -> set[str]:
    found: set[str] = set()
    for dialect in registered():
        for name in ("detect", "body", "comment_section", "author", "author_label", "time"):
            found.update(getattr(dialect, name))
        found.update(dialect.text + dialect.comment_count + dialect.photo_credit + dialect.petition)
        found.update(s.strip() for s in dialect.comment.split(","))
    return found


@pytest.mark.parametrize("page", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_selector_prefilter_never_drops_a_selector_that_matches(page: str) -> None:
    markup = (FIXTURES / page).read_text(encoding="utf-8")
    root = parse_html(markup)
    assert root is not None
    index = Markup(markup, root)
    for selector in sorted(_all_selectors()):
        if select(root, selector):
            assert present((selector,), index) == (selector,), selector


def test_relative_canonical_link_is_resolved_against_the_callers_url() -> None:
    page = extract_html(
        '<link rel="canonical" href="/causes/story.html"><p>Text.</p>',
        url="https://www.care2.com/causes/story.html?utm_source=x",
    )
    assert (page.url, page.site) == ("https://www.care2.com/causes/story.html", "care2.com")
    assert extract_html('<link rel="canonical" href="/a"><p>Text.</p>').url is None


FIXTURE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "html"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURE_DIR.glob("*.html")))
def test_head_read_with_beautifulsoup_matches_the_lxml_tree(name: str) -> None:
    """The head's metadata through BeautifulSoup plus the rest from lxml equals lxml alone."""
    markup = (FIXTURE_DIR / name).read_text(encoding="utf-8")
    root = parse_html(markup)
    assert root is not None
    both, lxml_only = page_tags(root, markup), page_tags(root, None)
    assert (both.json_ld, both.meta, both.title, both.canonical) == (
        lxml_only.json_ld,
        lxml_only.meta,
        lxml_only.title,
        lxml_only.canonical,
    )
    assert both.count > 0  # BeautifulSoup did read the head


def test_head_metadata_after_the_head_and_a_head_end_inside_a_script() -> None:
    markup = (
        "<html><head><title>Ferry returns | Port Ellis News</title>"
        "<script>document.write('</head>');</script>"
        '<meta property="og:title" content="Ferry returns">'
        '<link rel="canonical" href="https://news.example/ferry"></head><body>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '{"@type": "Person", "name": "Mia Chen"}, "datePublished": "2024-03-01T09:00:00Z"}'
        "</script><p>The ferry is back.</p></body></html>"
    )
    root = parse_html(markup)
    assert root is not None
    tags = page_tags(root, markup)
    assert tags.title == "Ferry returns | Port Ellis News"
    assert tags.meta == {"og:title": "Ferry returns"}
    assert tags.canonical == "https://news.example/ferry"
    assert len(tags.json_ld) == 1
    page = extract_html(markup)
    assert (page.title, page.byline, page.url) == (
        "Ferry returns",
        "Mia Chen",
        "https://news.example/ferry",
    )
    assert page.published_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def test_trafilatura_is_imported_only_by_the_bench_and_the_fallback() -> None:
    repo = FIXTURE_DIR.parent.parent.parent
    importing = {
        path.relative_to(repo).as_posix()
        for path in [*repo.glob("extraction/**/*.py"), *repo.glob("warehouse/**/*.py")]
        if "import trafilatura" in path.read_text(encoding="utf-8")
    }
    assert importing == {"extraction/html/fallback.py"}


def test_a_petition_letter_is_body_and_a_sign_the_petition_box_is_not() -> None:
    intro = "".join(
        f"<p>Riverside's library has served the town since 1921, and chapter {n} of its story"
        " tells why, at length, with commas and clauses.</p>"
        for n in ("one", "two", "three", "four")
    )
    letter = "".join(
        f"<p>We, the undersigned, call on the council to keep the Riverside library open: {r}.</p>"
        for r in (
            "it lends books to four thousand readers",
            "it is the only warm room on the estate",
            "its staff teach reading to adults",
        )
    )
    box = "<div class='petition-cta'><p>Sign our other petition: save the bees</p></div>"
    page = extract_html(
        "<html><head><title>Keep the library open</title></head><body><div class='main'>"
        f"<h1>Keep the library open</h1>{intro}<div class='petition-letter'>{letter}</div>"
        f"{box}</div></body></html>"
    )
    assert page.paragraphs[-3:] == (
        "We, the undersigned, call on the council to keep the Riverside library open: it lends"
        " books to four thousand readers.",
        "We, the undersigned, call on the council to keep the Riverside library open: it is the"
        " only warm room on the estate.",
        "We, the undersigned, call on the council to keep the Riverside library open: its staff"
        " teach reading to adults.",
    )
    assert len(page.paragraphs) == 7  # four paragraphs and the letter's three (h1 is the title)
    assert not any("bees" in p for p in page.paragraphs)


_CHORUS = (
    "And we will walk the long road home, past the mill and the flooded meadow, singing the "
    "songs our mothers knew, until the lamps of the village come up out of the dark."
)
_SPEECH = (
    "The council voted seven to two on Tuesday night to close the Harbour Street library for "
    "eighteen months while the roof is rebuilt, a decision that drew a crowd of two hundred."
)


def test_a_refrain_repeated_in_place_is_kept_and_a_second_layout_copy_is_not() -> None:
    # A folk-club post quoting a song: its chorus comes back verbatim as sibling paragraphs,
    # and a pull quote repeats a sentence of the report in an <aside>.
    song = f"""<html><head><title>The walking song</title></head><body><article>
    <h1>The walking song</h1>
    <p>Every year the club closes its autumn night with the same song, written in 1952 by a
    miller's daughter from the valley; here are the words as we sing them.</p>
    <p>{_CHORUS}</p>
    <p>The first verse tells of the harvest, the second of the men who went to the war, and
    the third of the girl who waited for one of them at the mill gate, every evening, for years.</p>
    <p>{_CHORUS}</p>
    </article></body></html>"""
    got = extract_html(song).paragraphs
    assert got.count(_CHORUS) == 2
    report = f"""<html><head><title>Library to close</title></head><body><article>
    <h1>Library to close</h1>
    <div class="story-body">
      <p>{_SPEECH}</p>
      <aside class="pullquote"><p>{_SPEECH}</p></aside>
      <p>Residents asked whether the mobile library van could stop in the square on market days
      while the building is shut, and the chair promised an answer at the next meeting.</p>
    </div>
    <div class="story-body story-body--print"><p>{_SPEECH}</p></div>
    </article></body></html>"""
    got = extract_html(report).paragraphs
    assert got.count(_SPEECH) == 1


def test_linked_items_of_the_article_stay_and_a_list_of_related_links_does_not() -> None:
    # A weekly deals post: each deal is a linked product name with its price and shop, the
    # page's "related" list is links only.
    deals = """<html><head><title>Weekend deals</title></head><body><article>
    <h1>Weekend deals: storage and a camera to fill it</h1>
    <p>Our partners have put together a list of fresh deals for the weekend; the featured one
    is a portable USB 3.0 drive, but there are a couple of laptops further down as well.</p>
    <ul>
      <li><a href="/d/1">2TB WD My Passport USB 3.0 Portable Hard Drive</a> for $161.99 at Dell</li>
      <li><a href="/d/2">Asus RT-N66U Dual-Band Wireless-N900 Gigabit Router</a> for $140 at
      TigerDirect</li>
    </ul>
    <p>Prices were checked on Friday morning and may change once the weekend begins.</p>
    <ul class="related">
      <li><a href="/a/1">Which laptop should you buy this winter?</a></li>
      <li><a href="/a/2">Five routers tested in a house with thick walls</a></li>
    </ul>
    </article></body></html>"""
    got = extract_html(deals).paragraphs
    assert "2TB WD My Passport USB 3.0 Portable Hard Drive for $161.99 at Dell" in got
    assert "Asus RT-N66U Dual-Band Wireless-N900 Gigabit Router for $140 at TigerDirect" in got
    assert not any("Which laptop" in p or "Five routers" in p for p in got)


def test_a_table_of_linked_titles_with_plain_years_stays_with_its_introduction() -> None:
    # A "list of" page: the table scores best, but the article is the table with the
    # paragraph that introduces it; a linked title is data when its row has a plain cell.
    listing = """<html><head><title>Films with time loops</title></head><body>
    <div id="content">
    <p>This list names films in which characters live the same period of time again and
    again, until a condition is met and the loop resets, with their year of release.</p>
    <table class="wikitable">
      <tr><th>Film</th><th>Year</th><th>Description</th></tr>
      <tr><td><a href="/w/1">Repeat Performance</a></td><td>1947</td>
      <td>A woman who shot her husband on New Year's Eve wishes she could live the year
      over again, and somehow gets her wish, with the same people around her.</td></tr>
      <tr><td><a href="/w/2">Groundhog Day</a></td><td>1993</td>
      <td>A weatherman covering a small-town festival wakes up on the same winter day,
      over and over, until he changes the way he lives it, and his town with him.</td></tr>
    </table>
    </div>
    <table class="links"><tr><td><a href="/a">Films</a></td><td><a href="/b">Lists</a></td></tr>
    </table>
    </body></html>"""
    got = extract_html(listing).paragraphs
    assert got[0].startswith("This list names films in which characters live")
    assert "Repeat Performance" in got
    assert "1947" in got
    assert "Groundhog Day" in got
    assert "Films" not in got and "Lists" not in got


def test_the_standfirst_in_an_articles_own_header_is_body_and_the_site_header_is_not() -> None:
    page = """<html><head><title>Council closes the library</title></head><body>
    <header><p>The Town Gazette: news from the valley since 1921, every day of the week.</p>
    </header>
    <article>
      <header><h1>Council closes the library</h1>
      <p>The building needs a new roof, and the council says it cannot pay for one this
      year, so readers will have to travel to the next town.</p></header>
      <p>The council voted on Tuesday evening to close the central library for at least a
      year, after surveyors found the roof beyond repair and water in the reading room.</p>
      <p>Residents asked whether a mobile library could stop in the square on market days
      while the building is shut, and the chair promised an answer at the next meeting.</p>
    </article></body></html>"""
    got = extract_html(page).paragraphs
    assert got[0].startswith("The building needs a new roof")
    assert not any("Town Gazette" in p for p in got)
