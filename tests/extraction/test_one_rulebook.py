"""One rulebook for both paths: the same sentences, in a text dump and in an HTML page, give the
same value in every field of the article."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from html import escape

import pytest

from extraction.dumps import DumpFile, parse_dump
from extraction.records import Article

STORY = (
    "The council of Harlow Bay voted on Monday to switch off most street lights between midnight "
    "and five in the morning, a change it says will keep the library open on Sundays.",
    "Lights near the hospital, the station and the harbour steps will stay on, and residents can "
    "ask for a lamp outside their door to be kept lit if they work late.",
    "Astronomers and bat groups welcomed the decision, which follows a trial on two estates last "
    "winter in which the police recorded no rise in crime.",
)
GESCHICHTE = (
    "Der Gemeinderat hat am Montag beschlossen, dass die meisten Straßenlaternen zwischen "
    "Mitternacht und fünf Uhr ausgeschaltet werden, und das ist mit dem Haushalt abgestimmt.",
    "Die Lampen an der Klinik und am Bahnhof bleiben an, und wer spät arbeitet, kann sich auch "
    "eine Laterne vor der Tür wünschen, die nicht abgeschaltet wird.",
    "Die Sternwarte und der Naturschutzbund begrüßen den Beschluss, der auf einen Versuch im "
    "letzten Winter folgt, bei dem es nicht mehr Einbrüche gab.",
)


@dataclasses.dataclass(frozen=True)
class Case:
    sentence: str  # a paragraph of its own, after the story
    count_line: str  # the comment-count heading
    expected: dict[str, object]  # fields the sentences decide
    language: str = "en"


CASES = {
    "petition_k": Case(
        "Over 1.5k people have signed the petition. Add your name today.",
        "57 comments",
        {"petition_signatures": 1500, "declared_comment_count": 57},
    ),
    "petition_million": Case(
        "More than 2 million supporters have already signed the letter to the minister.",
        "Comments (12)",
        {"petition_signatures": 2_000_000, "declared_comment_count": 12},
    ),
    "petition_no_number": Case(
        "Care2 members have signed the petition in their thousands.",
        "1,204 comments",
        {"petition_signatures": None, "declared_comment_count": 1204},
    ),
    "petition_care2_seed": Case(
        "Over 80,000 concerned Care2 members have signed this petition calling on the council.",
        "3 thoughts on “Lights Out at Midnight”",
        {"petition_signatures": 80_000, "declared_comment_count": 3},
    ),
    "petition_quarter_million": Case(
        "A quarter million readers have signed since Friday.",
        "One thought on “Lights Out at Midnight”",
        {"petition_signatures": 250_000, "declared_comment_count": 1},
    ),
    "credit_photograph_by": Case(
        "Photograph by Sam Ortiz.",
        "57 comments",
        {"photo_credit": "Sam Ortiz", "petition_signatures": None, "paragraph_count": 3},
    ),
    "credit_colon": Case(
        "Credit: Kelly Sikkema via Unsplash",
        "57 comments",
        {"photo_credit": "Kelly Sikkema via Unsplash", "paragraph_count": 3},
    ),
    "german_dots": Case(
        "Über 80.000 Menschen haben bereits unterschrieben.",
        "57 Kommentare",
        {"petition_signatures": 80_000, "declared_comment_count": 57},
        language="de",
    ),
}

SIDECAR = {
    "url": "https://www.care2.com/causes/lights-out-at-midnight.html",
    "site": "care2.com",
    "captured_at": "2024-03-02T12:00:00Z",
}


def _story(case: Case) -> tuple[str, ...]:
    return GESCHICHTE if case.language == "de" else STORY


def text_dump(case: Case) -> str:
    parts = [
        "Lights Out at Midnight",
        "By Jane Doe",
        "October 5, 2019",
        *_story(case),
        case.sentence,
        "Take Action!",
        case.count_line,
    ]
    return "\n\n".join(parts) + "\n"


def html_page(case: Case) -> str:
    story = "".join(f"<p>{escape(p)}</p>" for p in (*_story(case), case.sentence))
    return (
        f'<!DOCTYPE html><html lang="{case.language}"><head><meta charset="utf-8">'
        "<title>Lights Out at Midnight</title></head><body>"
        '<nav><a href="/">Home</a></nav>'
        "<article><h1>Lights Out at Midnight</h1>"
        '<p class="byline">By <span class="author">Jane Doe</span></p>'
        '<time datetime="2019-10-05">October 5, 2019</time>'
        f'<div class="entry-content">{story}<p>Take Action!</p></div></article>'
        f'<div id="comments"><h3 class="comments-title">{escape(case.count_line)}</h3></div>'
        "</body></html>"
    )


def parse(name: str, text: str) -> Article:
    dump = DumpFile(
        name,
        text.encode(),
        "sha",
        datetime(2024, 3, 3, tzinfo=UTC),
        sidecar=json.dumps(SIDECAR).encode(),
    )
    result = parse_dump(dump)
    assert result.errors == []
    [article] = result.articles
    return article


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_dump_and_html_page_agree_in_every_field(name: str) -> None:
    case = CASES[name]
    from_text = parse("page.txt", text_dump(case))
    from_html = parse("page.html", html_page(case))
    where = {"source_path", "source_format"}  # where the page came from, not what it says
    fields = [f.name for f in dataclasses.fields(Article) if f.name not in where]
    assert {f: getattr(from_text, f) for f in fields} == {f: getattr(from_html, f) for f in fields}
    assert {f: getattr(from_text, f) for f in case.expected} == case.expected
    assert (from_text.title, from_text.byline, from_text.published_at) == (
        "Lights Out at Midnight",
        "Jane Doe",
        datetime(2019, 10, 5, tzinfo=UTC),
    )
