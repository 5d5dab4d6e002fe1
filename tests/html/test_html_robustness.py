"""Property tests: arbitrary, broken and truncated markup never makes extract_html raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.content import PageContent
from extraction.html import extract_html
from extraction.html.tree import parse_html, unwrap_deep

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
PAGES = sorted(p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.html"))

_TAGS = st.sampled_from(
    ["p", "div", "li", "ol", "ul", "blockquote", "q", "br", "time", "script", "a", "h2", "abbr"]
)
_CLASSES = st.sampled_from(
    ["comment", "comment-list", "children", "comment_text", "fn", "post", "comment-content", ""]
)
_FRAGMENTS = st.one_of(
    st.text(max_size=30),
    st.builds(lambda t, c: f'<{t} class="{c}">', _TAGS, _CLASSES),
    st.builds(lambda t: f"</{t}>", _TAGS),
    st.sampled_from(
        [
            "<time datetime='2020-13-45T99:99:99+99:99'>",
            "<abbr class='timeago' title='not a date'>",
            '<script type=\'application/ld+json\'>{"@type": "NewsArticle", ',
            "<!--",
            "<![CDATA[",
            "<?xml version='1.0' encoding='utf-8'?>",
            "&nbsp;&#0;&#xD800;&bogus;",
            "\x00\x0b\ufffe",
            "<a href='?showComment=99999999999999999999'>",
            "<meta property='article:published_time' content='0000-00-00'>",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_arbitrary_markup_never_raises(markup: str) -> None:
    assert isinstance(extract_html(markup), PageContent)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PAGES), st.floats(min_value=0.0, max_value=1.0))
def test_fixture_cut_anywhere_never_raises(page: str, fraction: float) -> None:
    assert isinstance(extract_html(page[: int(len(page) * fraction)]), PageContent)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_text_never_raises(text: str) -> None:
    assert isinstance(extract_html(text, url=text[:40] or None), PageContent)


def test_long_reply_chain_keeps_every_parent() -> None:
    # 300 levels of replies: deeper than libxml2's default nesting limit of 256 elements.
    depth = 300
    opening = "".join(
        f'<li class="comment"><b class="fn">A{i}</b>'
        f'<div class="comment-content"><p>body {i}</p></div><ol class="children">'
        for i in range(depth)
    )
    article = "<article><p>" + "An article long enough to be the body of this page. " * 8
    markup = f'{article}</p></article><ol class="comment-list">{opening}{"</ol></li>" * depth}</ol>'
    comments = extract_html(markup).comments
    assert len(comments) == depth
    assert [c.parent_index for c in comments] == [None, *range(depth - 1)]
    assert comments[-1].body == f"body {depth - 1}"


def test_json_ld_nested_thousands_deep_is_ignored_not_fatal() -> None:
    deep = "[" * 5000 + "]" * 5000
    nested_author = '{"@type": "NewsArticle", "author": ' + "[" * 900 + '"x"' + "]" * 900 + "}"
    for script in (deep, nested_author):
        page = extract_html(f'<script type="application/ld+json">{script}</script><p>Text.</p>')
        assert page.byline is None


def test_text_below_libxml2s_depth_limit_is_kept() -> None:
    # libxml2 stops building the tree about 2,048 elements deep and drops every later word;
    # here the article sits under 3,000 unclosed <div>s, as broken templates leave them.
    paragraphs = [
        f"Paragraph {i} of the article, long enough to be read as prose by the extractor."
        for i in range(5)
    ]
    markup = (
        "<html><body>"
        + "<div>" * 3000
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</body></html>"
    )
    assert extract_html(markup).paragraphs == tuple(paragraphs)


def test_text_at_every_level_of_a_deep_chain_stays_in_the_tree() -> None:
    depth = 5000
    markup = "<html><body>" + "".join(f"<div>w{i} " for i in range(depth)) + "</div>" * depth
    root = parse_html(markup + "<p>after the chain</p></body></html>")
    assert root is not None
    text = root.text_content().split()
    assert text == [f"w{i}" for i in range(depth)] + ["after", "the", "chain"]


def test_unwrapping_keeps_shallow_markup_as_it_was() -> None:
    markup = "<div><p>one<p>two</p><ul><li>a<li>b</ul><br/><img src=x></div>" * 50
    assert unwrap_deep(markup, max_depth=5) == markup


def test_unwrapping_replaces_only_the_tags_below_the_limit() -> None:
    markup = "<div><div><div><b>x</b></div></div></div><p>y</p>"
    unwrapped = "<div><div><br><br>x<br><br></div></div><p>y</p>"
    assert unwrap_deep(markup, max_depth=2) == unwrapped
