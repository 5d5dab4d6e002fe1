"""Variations of the page-text layout that real dumps show, each with its exact reading."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extraction.dialects.text import extract_text


def test_single_newline_layout_with_dateline_count_in_brackets_and_reply_buttons() -> None:
    text = (
        "Title Here\r\nWritten by Ann Lee\r\nOctober 17, 2017\r\nFirst paragraph line.\r\n"
        "Second paragraph line.\r\nComments (3)\r\nAmy Sanders\r\nAmy Sa day ago\r\nGreat piece.\r\n"
        "Reply\r\nBob Kline\r\nBob K3 hours ago\r\nI disagree.\r\n"
    )
    content = extract_text(text)
    assert (content.title, content.byline, content.published_at) == (
        "Title Here",
        "Ann Lee",
        datetime(2017, 10, 17, tzinfo=UTC),
    )
    assert content.paragraphs == ("First paragraph line.", "Second paragraph line.")
    assert content.declared_comment_count == 3
    assert [(c.author, c.author_label, c.posted_text, c.body) for c in content.comments] == [
        ("Amy S", "Amy Sanders", "a day ago", "Great piece."),
        ("Bob K", "Bob Kline", "3 hours ago", "I disagree."),
    ]


def test_comments_without_a_count_line_or_send_buttons_are_found_by_their_headers() -> None:
    text = "Headline\n\nBody one.\n\nBody two.\n\nJo Smith\nJo S5 days ago\n\nNice.\n\nAl Brown\nAl Babout a year ago\n\nOld news.\n"
    content = extract_text(text)
    assert content.paragraphs == ("Body one.", "Body two.")
    assert content.declared_comment_count is None
    assert [(c.author, c.posted_text, c.body) for c in content.comments] == [
        ("Jo S", "5 days ago", "Nice."),
        ("Al B", "about a year ago", "Old news."),
    ]


@pytest.mark.parametrize(
    ("header", "byline", "published"),
    [
        ("By Jane Doe | Oct. 5, 2019", "Jane Doe", datetime(2019, 10, 5, tzinfo=UTC)),
        ("Written by Jane Doe on 5 October 2019", "Jane Doe", datetime(2019, 10, 5, tzinfo=UTC)),
        ("Posted on Saturday, October 5, 2019", None, datetime(2019, 10, 5, tzinfo=UTC)),
        ("2019-10-05", None, datetime(2019, 10, 5, tzinfo=UTC)),
        ("By Jane Doe", "Jane Doe", None),
    ],
)
def test_byline_and_dateline_under_the_title(
    header: str, byline: str | None, published: datetime | None
) -> None:
    content = extract_text(f"Headline\n\n{header}\n\nThe body.\n")
    assert (content.byline, content.published_at, content.paragraphs) == (
        byline,
        published,
        ("The body.",),
    )


@pytest.mark.parametrize(
    "line", ["57 comments", "57 Comments", "Comments (57)", "Comments: 57", "57 COMMENTS"]
)
def test_declared_count_wordings(line: str) -> None:
    assert extract_text(f"Headline\n\nBody.\n\n{line}\n").declared_comment_count == 57


def test_multi_paragraph_comment_keeps_its_paragraphs() -> None:
    text = "Headline\n\nBody.\n\n1 comment\n\nSara Abbott\nSara Aabout a month ago\n\nFirst thought.\n\nSecond thought.\n\nSEND\n"
    [comment] = extract_text(text).comments
    assert comment.body == "First thought.\n\nSecond thought."


def test_a_title_with_nothing_else_is_an_article_with_an_empty_body() -> None:
    content = extract_text("Only A Title\n")
    assert (content.title, content.paragraphs, content.comments) == ("Only A Title", (), ())
