"""Every page kind on real-looking pages (tests/fixtures/page_kinds/, each naming the real page
whose structure it follows): exact kind, title and outcome, text dumps and HTML alike."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extraction.dumps import DumpFile, parse_dump
from extraction.page_kind import PageEvidence, classify, prose_run, text_teasers
from extraction.records import IngestError, ParseResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "page_kinds"
MTIME = datetime(2026, 3, 1, tzinfo=UTC)
NOT_LOADED = "; not loaded into articles"

# name -> (page_kind, title): pages that enter articles.
LOADED: dict[str, tuple[str, str]] = {
    "care2_article_furniture.txt": (
        "article",
        "Town Votes to Light Its Streets Only Until Midnight",
    ),
    "care2_petition.txt": ("petition", "Stop Draining the Moor's Last Peat Bog"),
    "care2_group_thread.txt": ("discussion", "Hedgerow petitions welcome here"),
    "care2_petition.html": ("petition", "Stop Draining the Moor's Last Peat Bog"),
    "moveon_petition.html": ("petition", "Keep the Riverside Clinic Open"),
}
# name -> the not_an_article message: pages left out of articles, saying which kind and why.
SKIPPED: dict[str, str] = {
    "care2_section_listing.txt": "listing page “Nature & Wildlife”: 6 teasers (headline and "
    "excerpt) and no run of 3 prose paragraphs (longest 0)",
    "care2_share_page.txt": "profile page: Care2 member's share page (entries with Visibility: "
    "and Posted: lines)",
    "care2_group_thread_runon.txt": "discussion page “Stop the Ferry Cuts to the Outer Isles”: "
    "Care2 group discussion whose posts run together: first post and replies cannot be told apart",
    "care2_landing.txt": "other page “Cruel Sport Stopped!”: Care2 promotion page: the site's "
    "statistics, no story",
    "wordpress_tag_archive.html": "listing page “wildlife gardening Archives”: 6 teasers "
    "(headline and excerpt) and no run of 3 prose paragraphs (longest 0), listing URL",
    "news_section_front.html": "listing page “Local news”: 7 teasers (headline and excerpt) and "
    "no run of 3 prose paragraphs (longest 0)",
    "discourse_topic.html": "discussion page “How do you store seed potatoes over winter?”: "
    "declared type DiscussionForumPosting",
    "phpbb_viewtopic.html": "discussion page “Rust on the old lathe bed”: discussion URL and "
    "posts read as comments",
    "mastodon_profile.html": "profile page “Rosa Kettle (@rosa@harbour.social)”: declared type "
    "og:profile",
    "wordpress_404.html": "other page “Nothing here”: no article text (69 characters of body) and "
    "no mark of an article (publication date, byline, comments, headline in <article>)",
}


def parse_fixture(name: str) -> ParseResult:
    data = (FIXTURES / name).read_bytes()
    return parse_dump(DumpFile(name, data, "sha", MTIME))


def test_every_fixture_is_expected_and_every_kind_is_covered_in_both_formats() -> None:
    names = {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html")}
    assert names == set(LOADED) | set(SKIPPED)
    kinds = {(name.rsplit(".", 1)[1], kind) for name, (kind, _) in LOADED.items()}
    kinds |= {(name.rsplit(".", 1)[1], m.split(" ", 1)[0]) for name, m in SKIPPED.items()}
    every = {"article", "listing", "petition", "discussion", "profile", "other"}
    assert {kind for fmt, kind in kinds if fmt == "txt"} == every
    # HTML article pages are the fixtures of tests/fixtures/html (next test).
    assert {kind for fmt, kind in kinds if fmt == "html"} == every - {"article"}


def test_every_html_article_fixture_is_an_article() -> None:
    for path in sorted((FIXTURES.parent / "html").glob("*.html")):
        result = parse_dump(DumpFile(path.name, path.read_bytes(), "sha", MTIME))
        assert [a.page_kind for a in result.articles] == ["article"], path.name


@pytest.mark.parametrize("name", sorted(LOADED))
def test_pages_that_enter_articles(name: str) -> None:
    result = parse_fixture(name)
    kind, title = LOADED[name]
    assert [(a.page_kind, a.title) for a in result.articles] == [(kind, title)]
    assert (result.status, result.errors) == ("loaded", [])


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_pages_left_out_of_articles_are_recorded_with_their_kind(name: str) -> None:
    result = parse_fixture(name)
    assert result.articles == []
    assert result.errors == [IngestError(name, None, "not_an_article", SKIPPED[name] + NOT_LOADED)]
    assert result.status == "skipped"


def test_care2_petition_reads_counter_target_and_byline_not_its_furniture() -> None:
    [article] = parse_fixture("care2_petition.txt").articles
    assert (article.byline, article.petition_signatures, article.petition_target) == (
        "Care2 Team",
        152347,
        "Minister for the Environment",
    )
    # Banner, "by:", "target:", counter, goal, button, "tag:" lines and the related list: none is
    # a body paragraph.
    assert article.body_text.split("\n\n") == [
        "The last raised bog on the moor is being drained to make way for a forestry plantation. "
        "Peat bogs store more carbon than forests do, and this one has taken ten thousand years to "
        "grow. Once the water is gone, the peat dries, cracks and releases its carbon for decades.",
        "Curlews, golden plovers and the rare bog bush cricket live nowhere else in the county. "
        "The drainage ditches cut last spring have already lowered the water table by half a "
        "metre at the edge of the bog.",
        "Tell the Minister for the Environment to refuse the plantation licence and to fund the "
        "blocking of the new ditches before the summer.",
    ]


def test_html_petitions_read_the_same_counter_and_target() -> None:
    [care2] = parse_fixture("care2_petition.html").articles
    [moveon] = parse_fixture("moveon_petition.html").articles
    assert (care2.petition_signatures, care2.petition_target) == (
        152347,
        "Minister for the Environment",
    )
    assert (moveon.petition_signatures, moveon.petition_target, moveon.paragraph_count) == (
        1240,
        "the County Health Board",
        3,
    )


def test_care2_furniture_is_never_title_body_or_comment() -> None:
    result = parse_fixture("care2_article_furniture.txt")
    [article] = result.articles
    assert (article.title, article.byline, article.photo_credit) == (
        "Town Votes to Light Its Streets Only Until Midnight",
        "Dana Whitfield",
        "Sam Ortiz",
    )
    assert (article.petition_signatures, article.declared_comment_count) == (1500, 2)
    assert [p[:40] for p in article.body_text.split("\n\n")] == [
        "The council of Harlow Bay voted on Monda",
        "“We looked at every lamp in town and ask",
        "Astronomers and bat groups welcomed the ",
        "Over 1.5k people have signed the petitio",
    ]
    assert [(c.author, c.body) for c in result.comments] == [
        ("Margaret O", "At last, we can see the stars again."),
        (
            "Dan A",
            "I walk home from the late shift, I hope they keep the lights on by the bus stop.",
        ),
    ]


def test_care2_thread_is_the_body_and_the_posts_after_the_first_its_replies() -> None:
    result = parse_fixture("care2_group_thread.txt")
    [article] = result.articles
    assert article.published_at == datetime(2005, 5, 12, 4, 18, tzinfo=UTC)
    assert article.body_text == (
        "Let's make this group the place where everyone posts petitions about hedgerows, field "
        "margins and the birds that nest in them. Post the link and a line about what it asks for, "
        "and we will all sign and pass it on.\n\n"
        "Signed the county petition this morning and sent it to my sister in Devon, she walks "
        "the lanes there every day.\n\n"
        "Since many of us belong to other groups too, petitions found there could be cross "
        "posted here. Everyone get active!"
    )
    assert [(c.posted_text, c.posted_at_earliest, c.body) for c in result.comments] == [
        (
            "May 12, 2005 9:24 AM",
            datetime(2005, 5, 12, 9, 24, tzinfo=UTC),
            "Signed the county petition this morning and sent it to my sister in Devon, she walks "
            "the lanes there every day.",
        ),
        (
            "May 13, 2005 1:29 PM",
            datetime(2005, 5, 13, 13, 29, tzinfo=UTC),
            "Since many of us belong to other groups too, petitions found there could be cross "
            "posted here. Everyone get active!",
        ),
    ]


def _jsonl(*texts: str) -> bytes:
    return "\n".join(
        json.dumps({"url": f"https://www.care2.com/p/{n}", "text": t})
        for n, t in enumerate(texts, start=1)
    ).encode()


def test_file_of_several_pages_loads_its_articles_and_records_the_rest() -> None:
    article = (FIXTURES / "care2_article_furniture.txt").read_text(encoding="utf-8")
    listing = (FIXTURES / "care2_section_listing.txt").read_text(encoding="utf-8")
    result = parse_dump(DumpFile("crawl.jsonl", _jsonl(listing, article), "sha", MTIME))
    assert [a.title for a in result.articles] == [
        "Town Votes to Light Its Streets Only Until Midnight"
    ]
    assert [(e.record, e.error_kind) for e in result.errors] == [("1", "not_an_article")]
    # Skipping a page is no problem with the file: it is loaded, its skipped page on record.
    assert result.status == "loaded"


def test_file_of_pages_that_are_none_articles_is_skipped_and_a_broken_one_is_rejected() -> None:
    listing = (FIXTURES / "care2_section_listing.txt").read_text(encoding="utf-8")
    landing = (FIXTURES / "care2_landing.txt").read_text(encoding="utf-8")
    skipped = parse_dump(DumpFile("tags.jsonl", _jsonl(listing, landing), "sha", MTIME))
    assert (skipped.status, [e.error_kind for e in skipped.errors]) == (
        "skipped",
        ["not_an_article", "not_an_article"],
    )
    broken = parse_dump(DumpFile("tags.jsonl", _jsonl(listing) + b'\n{"text": "cut', "sha", MTIME))
    assert (broken.status, [e.error_kind for e in broken.errors]) == (
        "rejected",
        ["not_an_article", "bad_json_line"],
    )


def test_text_teasers_need_a_cut_or_short_excerpt_between_headlines() -> None:
    long_paragraph = "The council met on Monday and agreed the plan after a long debate. " * 3
    assert text_teasers(["Headline One", "An excerpt that stops…", "Headline Two"]) == (
        1,
        frozenset({"An excerpt that stops…"}),
    )
    # A subheading followed by a full paragraph is an article's section, not a teaser.
    assert text_teasers(["Why it matters", long_paragraph, "What next"])[0] == 0
    assert prose_run([long_paragraph] * 3) == 3
    assert prose_run([long_paragraph, long_paragraph + "…", long_paragraph]) == 1


@pytest.mark.parametrize(
    ("url", "teasers", "kind"),
    [
        ("https://news.example.org/tag/harbour/", 3, "listing"),  # the URL lowers the bar
        ("https://news.example.org/2024/harbour-plan", 3, "article"),  # a hint alone is not enough
        ("https://news.example.org/2024/harbour-plan", 5, "listing"),
        ("https://forum.example.org/viewtopic.php?t=1", 0, "article"),  # no dated posts
    ],
)
def test_url_shape_is_only_a_hint(url: str, teasers: int, kind: str) -> None:
    evidence = PageEvidence(url=url, teasers=teasers, paragraphs=("A short stub.",))
    assert classify(evidence).kind == kind


def test_a_declared_article_is_an_article_whatever_its_teasers() -> None:
    evidence = PageEvidence(declared_types=frozenset({"og:article"}), teasers=30, markup=True)
    assert (classify(evidence).kind, classify(evidence).reason) == (
        "article",
        "declared type og:article",
    )


@pytest.mark.parametrize(
    ("url", "declared", "marks", "kind"),
    [
        # WoltLab and Vanilla topics declare og:type article; their posts read as rows say
        # thread, whatever teasers of other topics sit around it.
        (
            "https://forum.example.org/forum/thread/63237-tube-amp/",
            {"og:article"},
            ("comments",),
            "discussion",
        ),
        (
            "https://community.example.org/travel-forum/asia/first-trip",
            set(),
            ("comments",),
            "discussion",
        ),
        # A schema.org article type outweighs the URL; without rows the URL decides nothing.
        ("https://forum.example.org/threads/a-topic.1/", {"NewsArticle"}, ("comments",), "article"),
        ("https://forum.example.org/threads/a-topic.1/", {"og:article"}, (), "article"),
        # An article's slug naming forums is no forum section.
        ("https://hikes.example.org/best-backpacking-forums/", set(), ("comments",), "listing"),
    ],
)
def test_a_forum_url_whose_posts_were_read_as_rows_is_a_discussion(
    url: str, declared: set[str], marks: tuple[str, ...], kind: str
) -> None:
    evidence = PageEvidence(
        url=url,
        declared_types=frozenset(declared),
        teasers=8,
        paragraphs=("A short opening post.",),
        markup=True,
        article_marks=marks,
    )
    assert classify(evidence).kind == kind


# An article's paragraphs between subheadings: prose, but never three in a row.
_SECTION = (
    "The harbour board approved the new breakwater on Tuesday after two years of surveys, "
    "public meetings and a study of how the winter storms have moved the sand along the bay.",
    "Why it matters",
) * 10


@pytest.mark.parametrize(
    ("inside", "paragraphs", "kind"),
    [
        (0, _SECTION, "article"),  # "related" teasers around a body of prose
        (8, _SECTION, "listing"),  # the teasers are the main text
        (None, _SECTION, "listing"),  # not known where the teasers sit (a fallback's body)
        (0, _SECTION[:4], "listing"),  # too little prose to be an article's main text
        # Prose, but not most of the body: a shop's or a service's page of short lines.
        (0, ("Price list", "Opening hours", "Contact us") * 30 + _SECTION, "listing"),
    ],
)
def test_teasers_around_a_body_of_prose_leave_an_article_an_article(
    inside: int | None, paragraphs: tuple[str, ...], kind: str
) -> None:
    evidence = PageEvidence(
        url="https://news.example.org/2024/harbour-plan",
        teasers=8,
        teasers_in_body=inside,
        paragraphs=paragraphs,
        markup=True,
    )
    assert classify(evidence).kind == kind


def test_a_body_of_prose_on_a_members_url_is_an_article_not_a_profile() -> None:
    # A health insurer's article under /members/live-healthy/...: the URL hints at a profile.
    url = "https://www.insurer.example.com/web/public/members/live-healthy/keep-your-teeth-healthy/"
    article = PageEvidence(url=url, paragraphs=_SECTION, markup=True)
    profile = PageEvidence(url=url, paragraphs=("Rosa Kettle", "Joined 2019", "12 posts"))
    assert (classify(article).kind, classify(profile).kind) == ("article", "profile")
