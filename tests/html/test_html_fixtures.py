"""Every fixture page gives exactly the PageContent in html_expected.py; behaviours by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_expected import EXPECTED

from extraction.content import PageContent
from extraction.html import extract_html
from extraction.html.dialects import registered
from extraction.html.extract import dialects_for
from extraction.html.tree import Markup, parse_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def _page(name: str) -> PageContent:
    return extract_html((FIXTURES / name).read_text(encoding="utf-8"))


def test_every_fixture_has_an_expectation_and_there_are_at_least_twelve() -> None:
    names = {p.name for p in FIXTURES.glob("*.html")}
    assert names == set(EXPECTED)
    assert len(names) >= 12


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_expected_page_content(name: str) -> None:
    got = _page(name)
    want = EXPECTED[name]
    # Field by field first, so a failure names the field.
    assert got.title == want.title
    assert got.paragraphs == want.paragraphs
    assert got.comments == want.comments
    assert got == want


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_comment_bodies_never_leak_into_paragraphs(name: str) -> None:
    page = _page(name)
    body = "\n".join(page.paragraphs)
    for comment in page.comments:
        for line in comment.body.split("\n\n"):
            if len(line) > 12:
                assert line not in body


@pytest.mark.parametrize(
    ("name", "dialect"),
    [
        ("care2_chechnya.html", "care2"),
        ("care2_2020_climate.html", "care2-2020"),
        ("wordpress_sourdough.html", "wordpress"),
        ("wordpress_classic_garden.html", "wordpress-classic"),
        ("blogger_lighthouse.html", "blogger"),
        ("blogger_classic_recipes.html", "blogger-classic"),
        ("disqus_transit.html", "disqus"),
        ("wordpress_said_on_charity.html", "wordpress-classic"),
        ("generic_town_council.html", "generic"),
        ("generic_forum_style_gadgets.html", "generic"),
    ],
)
def test_fixture_is_read_by_its_dialect(name: str, dialect: str) -> None:
    markup = (FIXTURES / name).read_text(encoding="utf-8")
    root = parse_html(markup)
    assert root is not None
    chosen = [d for d in dialects_for(root, None, Markup(markup, root)) if d.comments(root)]
    assert chosen[0].name == dialect


def test_registry_lists_specific_dialects_before_the_generic_fallback() -> None:
    names = [d.name for d in registered()]
    assert names[-1] == "generic"
    assert {"care2", "care2-2020", "wordpress", "wordpress-classic", "blogger", "disqus"} <= set(
        names
    )
    assert names.index("care2-2020") < names.index("care2")


def test_care2_display_name_and_label_line_are_separate_fields() -> None:
    veronica = _page("care2_chechnya.html").comments[4]
    assert (veronica.author, veronica.author_label) == ("Veronica D", "Veronica Danie")


def test_relative_time_is_kept_as_posted_text_with_absolute_time_from_timeago_title() -> None:
    first = _page("care2_chechnya.html").comments[0]
    assert first.posted_text == "24 days ago"
    assert (
        first.posted_at is not None and first.posted_at.isoformat() == "2017-10-31T09:14:00+00:00"
    )


def test_disqus_local_title_time_is_not_taken_as_absolute() -> None:
    nina = _page("disqus_transit.html").comments[0]
    assert (nina.posted_text, nina.posted_at) == ("a year ago", None)


def test_blogger_comment_time_comes_from_the_show_comment_permalink() -> None:
    reply = _page("blogger_lighthouse.html").comments[1]
    assert (
        reply.posted_at is not None and reply.posted_at.isoformat() == "2019-01-26T17:45:00+00:00"
    )


def test_author_line_with_date_and_said_keeps_only_the_name() -> None:
    # "<strong>Jamie Okoye</strong> on <a>November 15, 2018 at 10:12 am</a> said:"
    jamie = _page("wordpress_said_on_charity.html").comments[0]
    assert (jamie.author, jamie.posted_text) == ("Jamie Okoye", "November 15, 2018 at 10:12 am")


def test_nested_reply_lists_give_parent_indices() -> None:
    comments = _page("wordpress_sourdough.html").comments
    assert [c.parent_index for c in comments] == [None, 0, 1, None]


def test_petition_count_ignores_digits_glued_to_names() -> None:
    # "Over 80,000 concerned Care2 members have signed": the 2 of Care2 is not the count.
    assert _page("care2_chechnya.html").petition_signatures == 80000


def test_blockquote_paragraphs_are_marked_and_q_keeps_its_quotation_marks() -> None:
    page = _page("news_no_comments.html")
    assert [page.paragraphs[i][:12] for i in sorted(page.blockquote_paragraphs)] == [
        "“We are no l",
        "“Only drasti",
    ]
    assert "the “extreme” losses" in page.paragraphs[1]


def test_page_furniture_stays_out_of_the_body() -> None:
    body = "\n".join(_page("news_no_comments.html").paragraphs)
    for furniture in ("cookies", "Advertisement", "Read more", "Share", "Most popular", "Terms"):
        assert furniture not in body


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_prefix_of_a_fixture_parses_without_error(name: str) -> None:
    markup = (FIXTURES / name).read_text(encoding="utf-8")
    for cut in range(0, len(markup), max(1, len(markup) // 60)):
        page = extract_html(markup[:cut])
        assert isinstance(page, PageContent)
