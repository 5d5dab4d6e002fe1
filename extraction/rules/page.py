"""The page rulebook shared by the text and HTML paths: petition counts, photo credits, bylines,
datelines, declared comment counts and page furniture, as named tables with the few helpers that
apply them. A sentence means the same whichever format carried it (tests/extraction/
test_one_rulebook.py feeds the same sentences through a text dump and an HTML page)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from extraction.rules.first_char import FirstCharFilter
from extraction.rules.numbers import APPROXIMATION, NUMBER, parse_count

# --- declared comment counts ----------------------------------------------------------------
# Count words a comment heading may use ("One thought on ...", "No comments").
COMMENT_COUNT_WORDS: Final[dict[str, int]] = {
    "no": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_COUNT_WORD: Final = "|".join(COMMENT_COUNT_WORDS)
# The nouns of a comment heading, in English and in the languages whose numbers we read.
COMMENT_NOUNS: Final[tuple[str, ...]] = (
    r"comments?",
    r"thoughts?",
    r"responses?",
    r"replies",
    r"reactions?",
    r"kommentare?",
    r"commentaires?",
    r"comentarios?",
    r"comentários?",
    r"comment[io]",
    r"reacties",
    r"reactie",
)
_COMMENT_NOUN: Final = "(?:" + "|".join(COMMENT_NOUNS) + ")"
# "57 comments", "1,204 Comments", "1.2k comments", "3 thoughts on “...”", "12 Responses to ...",
# "One thought on ...", and the labelled forms "Comments (57)", "Comments: 57".
COMMENT_COUNT_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?<![\w.,])(?P<count>{NUMBER}|{_COUNT_WORD})\s+{_COMMENT_NOUN}\b"
    rf"|\b{_COMMENT_NOUN}\s*(?:\(\s*(?P<paren>\d[\d,.]*)\s*\)|:\s*(?P<colon>\d[\d,.]*))",
    re.IGNORECASE,
)
# In a text dump the count stands on a line of its own, which is where the comments begin.
COMMENT_COUNT_LINE_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?:{COMMENT_COUNT_RE.pattern})(?:\s+(?:on|to)\s+.{{1,200}})?", re.IGNORECASE
)


def _comment_count(match: re.Match[str] | None) -> int | None:
    if match is None:
        return None
    phrase = match["count"] or match["paren"] or match["colon"]
    if phrase.lower() in COMMENT_COUNT_WORDS:
        return COMMENT_COUNT_WORDS[phrase.lower()]
    return parse_count(phrase)


def declared_comment_count(text: str) -> int | None:
    """The comment count a piece of page text states ("57 comments" -> 57), anywhere in it."""
    return _comment_count(COMMENT_COUNT_RE.search(" ".join(text.split())))


# Every comment noun holds one of these: a cheap test before the full pattern, line by line.
COMMENT_NOUN_STEMS: Final[tuple[str, ...]] = ("omment", "hought", "espons", "epl", "eacti")
_COMMENT_NOUN_STEMS_RE: Final[re.Pattern[str]] = re.compile(
    "|".join(COMMENT_NOUN_STEMS), re.IGNORECASE
)
# The same stems for a lower-cased ASCII line: a case-sensitive search, the fastest test.
_LOWER_STEMS_RE: Final[re.Pattern[str]] = re.compile("|".join(COMMENT_NOUN_STEMS))


def _may_name_comments(line: str) -> bool:
    if line.isascii():
        # A search of the lower-cased line is exact for ASCII (no "ſ" or dotless "ı" that the
        # case-insensitive pattern also matches) and many times cheaper than that pattern.
        return _LOWER_STEMS_RE.search(line.lower()) is not None
    return _COMMENT_NOUN_STEMS_RE.search(line) is not None


def declared_comment_count_line(line: str) -> int | None:
    """The count when the whole line is a comment-count heading, else None."""
    if len(line) > 300 or not _may_name_comments(line):
        return None
    return _comment_count(COMMENT_COUNT_LINE_RE.fullmatch(line.strip()))


# --- petitions ------------------------------------------------------------------------------
# Verbs of a petition sentence ("Over 80,000 ... have signed"), in the languages we read numbers
# of; the English one needs "have/has" so that a story's "15,000 members signed a petition last
# year" is not read as this page's count.
SIGNED_VERBS: Final[tuple[str, ...]] = (
    r"(?:have|has)\s+(?:already\s+)?signed",
    r"(?:haben|hat)\s+(?:bereits\s+|schon\s+)?unterschrieben",
    r"(?:hanno|ha)\s+(?:già\s+)?firmato",
    r"firmarono",
    r"(?:han|ha)\s+(?:ya\s+)?firmado",
    r"(?:ont|a)\s+(?:déjà\s+)?signé",
    r"(?:hebben|heeft)\s+(?:al\s+)?(?:getekend|ondertekend)",
    r"(?:assinaram|já\s+assinaram)",
)
# The number stands alone ("Care2" is a name, not a count); up to 80 characters of other words
# ("concerned Care2 members") may sit between it and the verb.
PETITION_SIGNATURES_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?<![\w.,])({NUMBER})(?![\w])[^.!?]{{0,80}}?\b(?:{'|'.join(SIGNED_VERBS)})",
    re.IGNORECASE,
)
# Petition furniture, each on a line of its own: the signature counter, the goal, the target
# and the button. Care2 prints "152,347 supporters" / "200,000 GOAL" / "target: ..." /
# "Sign Petition"; other sites "1,240 signatures", "346 of 400 Signatures", "Petitioning ...".
PETITION_COUNTER_RE: Final[re.Pattern[str]] = re.compile(
    rf"^(?:{APPROXIMATION}\s+)?(?P<count>{NUMBER})\s*(?:of\s+(?P<of>{NUMBER})\s+)?"
    r"(?:supporters?|signatures?|signers?|signed|firme|unterschriften)$",
    re.IGNORECASE,
)
PETITION_GOAL_RE: Final[re.Pattern[str]] = re.compile(
    rf"^(?:(?P<count>{NUMBER})\s+goal|goal:?\s+(?P<count2>{NUMBER}))$", re.IGNORECASE
)
PETITION_TARGET_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:(?:petition\s+)?target:|petitioning|to be delivered to:?)\s*(?P<target>\S.{0,200})$",
    re.IGNORECASE,
)
PETITION_BUTTON_LINES: Final[frozenset[str]] = frozenset(
    {"sign petition", "sign the petition", "sign this petition", "sign now", "add your name"}
)


_DIGIT: Final[re.Pattern[str]] = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class PetitionFacts:
    """What a petition's furniture states."""

    signatures: int | None = None
    goal: int | None = None
    target: str | None = None
    signals: tuple[str, ...] = ()  # which furniture was seen: counter, goal, target, button

    @property
    def is_petition_page(self) -> bool:
        """Two kinds of petition furniture together: a counter beside a goal, target or button."""
        return len(set(self.signals)) >= 2


def petition_facts(lines: Iterable[str], language: str | None = None) -> PetitionFacts:
    """The counter, goal, target and button among a page's lines (each line whole)."""
    signatures = goal = None
    target = None
    signals: list[str] = []
    for line in lines:
        if len(line) > MAX_FURNITURE_CHARS:
            continue
        if not _DIGIT.search(line):  # counters and goals have digits: skip to the other two
            # A target line starts with "petition", "target" or "to" (no other letter matches
            # p or t case-insensitively): most lines are spared the pattern.
            if line[:1] in "pPtT" and (m := PETITION_TARGET_RE.match(line)) and target is None:
                target = m["target"].strip()
                signals.append("target")
            elif line.strip().lower().rstrip("!.") in PETITION_BUTTON_LINES:
                signals.append("button")
            continue
        if (m := PETITION_COUNTER_RE.match(line)) and signatures is None:
            signatures = parse_count(m["count"], language)
            if m["of"] and goal is None:
                goal = parse_count(m["of"], language)
            signals.append("counter")
        elif (m := PETITION_GOAL_RE.match(line)) and goal is None:
            goal = parse_count(m["count"] or m["count2"], language)
            signals.append("goal")
        elif (m := PETITION_TARGET_RE.match(line)) and target is None:
            target = m["target"].strip()
            signals.append("target")
        elif line.strip().lower().rstrip("!.") in PETITION_BUTTON_LINES:
            signals.append("button")
    return PetitionFacts(signatures, goal, target, tuple(signals))


# A literal search finds where a petition verb stands; the full pattern is tried only in the
# window before it (it would backtrack at every number of a whole page otherwise). The stems
# leave out their first letter, so that a case-sensitive search finds "Signed" and "signed"
# (lower-casing a whole page costs more than the search).
SIGNED_STEMS: Final[tuple[str, ...]] = (
    "igned",
    "nterschrieben",
    "irmato",
    "irmarono",
    "irmado",
    "igné",
    "etekend",
    "ssinaram",
)
_WINDOW_CHARS: Final[int] = 200


def petition_signatures(text: str, language: str | None = None) -> int | None:
    """The count a petition sentence states ("Over 80,000 ... have signed" -> 80000)."""
    # English pages (and pages of unknown language) say "signed"; the other stems only matter
    # on pages in their languages.
    stems = SIGNED_STEMS[:1] if language in (None, "en") else SIGNED_STEMS
    ends = sorted(found + len(stem) for stem in stems for found in _occurrences(text, stem))
    for end in ends:
        window = " ".join(text[max(0, end - _WINDOW_CHARS) : end].split())
        match = PETITION_SIGNATURES_RE.search(window)
        if match:
            return parse_count(match.group(1), language)
    return None


def _occurrences(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + len(needle))
    return found


# --- photo credits --------------------------------------------------------------------------
# The words that introduce a photo credit. A caption without one gives no credit: its text
# describes the picture, it does not name who took it.
PHOTO_CREDIT_MARKERS: Final[tuple[str, ...]] = (
    # "Photo: X", "Photograph by X", "Image courtesy of X", "Image via X", "Illustration - X";
    # a hyphen only with spaces round it ("Picture-in-Picture" credits nobody)
    r"(?:main |top |lead )?(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?)"
    r"(?: (?:credit|courtesy|source)s?)?(?:\s*[:–—]|\s+-\s|\s+(?:by|via|courtesy(?: of)?)\b)",
    # "Credit: X", "Credit...X" (The New York Times), "Credits - X"
    r"credits?(?:\s*[:–—…]|\s+-\s|\.\.\.)",
    r"courtesy(?: of)?\b",
    r"©|\(c\)(?=\s)|copyright\b",
)
_MARKER: Final = "|".join(PHOTO_CREDIT_MARKERS)
# In captions a marker may start the text, follow a sentence's end, or open brackets; group 1 is
# the credit: up to the closing bracket inside brackets, else to the end.
PHOTO_CREDIT_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(rf"[(\[]\s*(?:{_MARKER})\s*([^)\]]+)[)\]]\W*$", re.IGNORECASE),
    re.compile(rf"(?:^[^\w©]*|(?<=[.!?;|])\s*)(?:{_MARKER})\s*(.+)$", re.IGNORECASE),
)
# A "credit" longer than this is a sentence of the caption, not a name.
MAX_PHOTO_CREDIT_CHARS: Final[int] = 120
# A credit line of its own (in a text dump, or a paragraph of an HTML body): a photo or credit
# marker starts the line and a short credit follows, one sentence of at most 14 words and 120
# characters ("Photograph by Sam Ortiz."). "Courtesy of" and "©" start credits only in captions:
# as a line of prose they start sentences too.
_LINE_MARKER: Final = "|".join(PHOTO_CREDIT_MARKERS[:2])
CREDIT_LINE_RE: Final[re.Pattern[str]] = re.compile(
    rf"^[^\w©]*(?:{_LINE_MARKER})\s*(?!.*[.!?]\s)(?=.{{1,121}}$)(?P<credit>(?:\S+\s+){{0,13}}\S+?)\.?$",
    re.IGNORECASE,
)


# How a credit line can start, whatever its spacing: the first word of each line marker above.
# Tested on the line as written, it spares joining the words of every body paragraph.
_CREDIT_LINE_START: Final[re.Pattern[str]] = re.compile(
    r"[^\w©]*(?:main|top|lead|photo|image|pic|illustration|credit)", re.IGNORECASE
)


def credit_line(line: str) -> str | None:
    """The credit a whole line gives ("Photo credit: Warren Wong via Unsplash." -> "Warren Wong
    via Unsplash"), or None when the line is not a credit line."""
    if not _CREDIT_LINE_START.match(line):
        return None
    match = CREDIT_LINE_RE.match(" ".join(line.split()))
    return match["credit"].rstrip(". ") or None if match else None


# --- bylines and datelines ------------------------------------------------------------------
# "Written by Jane Doe" / "By Jane Doe" / "by: Care2 Team" directly under the title
BYLINE: Final[re.Pattern[str]] = re.compile(
    r"^(?:written\s+by|posted\s+by|by)\s*:?\s+(?P<name>[^\d\s].{0,80})$", re.IGNORECASE
)
# A dateline under the title: "October 17, 2017", "Oct. 17, 2017", "17 October 2017", "2017-10-17",
# optionally after a weekday and "Published"/"Posted" ("Posted on Tuesday, October 17, 2017").
MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_IN_LINE: Final[re.Pattern[str]] = re.compile(
    rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?,?\s+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})",
    re.IGNORECASE,
)
DATE_LINE: Final[re.Pattern[str]] = re.compile(
    rf"^(?:(?:published|posted|updated)(?:\s+on)?:?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{DATE_IN_LINE.pattern})$",
    re.IGNORECASE,
)
_DATE_LINE_FIRST_CHARS: Final = FirstCharFilter(DATE_LINE)


def is_date_line(line: str) -> bool:
    """Whether a whole line is a dateline ("October 17, 2017", "Posted on Tue, 17 Oct 2017")."""
    return _DATE_LINE_FIRST_CHARS.may_match(line) and DATE_LINE.match(line) is not None


# "By Jane Doe | October 17, 2017", "Written by Jane Doe on Oct. 17, 2017"
BYLINE_DATE_SEPARATOR: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:\||·|•|—|–|-|,|\bon\b)\s*$", re.IGNORECASE
)


def byline_name(line: str) -> str | None:
    """The name a byline line gives, without "By" and without a date after it."""
    match = BYLINE.match(line)
    if match is None:
        return None
    name = match["name"]
    if date := DATE_IN_LINE.search(name):
        name = BYLINE_DATE_SEPARATOR.sub("", name[: date.start()])
    return name.strip() or None


def dateline(text: str) -> datetime | None:
    """The date a dateline states, as midnight UTC; None when it holds no valid date."""
    match = DATE_IN_LINE.search(text)
    if match is None:
        return None
    try:
        if match["iso"]:
            return datetime.fromisoformat(match["iso"]).replace(tzinfo=UTC)
        month = MONTHS[(match["month"] or match["month2"]).lower()]
        day = int(match["day"] or match["day2"])
        return datetime(int(match["year"] or match["year2"]), month, day, tzinfo=UTC)
    except ValueError:
        return None


# --- page furniture -------------------------------------------------------------------------
# Whole lines or paragraphs (after normalisation, case-insensitive) that are page furniture, not
# prose: buttons, headings of page widgets, credit lines, reading-time notes.
FURNITURE_LINES: Final[tuple[re.Pattern[str], ...]] = (
    *(
        re.compile(p, re.IGNORECASE)
        for p in (
            r"advert(isement)?s?",
            r"(continue|keep) reading( below)?\.?",
            r"(read|see) (more|also)\b.{0,80}",
            r"share (this|on) .{0,40}",
            r"(share|tweet|email|print|comments?|reply|send|close|caption|subscribe|text size)",
            r"take action!?",
            r"photo credit:.*",
            r"(image|photo) (credit|courtesy|source):.*",
            r"(image|photo|slide) \d+ (of|/) \d+",
            r"•?\s*\d+\s*min(ute)?s? read",
            r"story continues below( advertisement)?",
            r"(sign up|subscribe) (for|to) .{0,80}",
            r"related( articles| stories| posts| news| content)?:?",
            r"popular on .{1,40}",
            r"like this (story|article)\? .{0,60}",
            r"click here .{0,80}",
            r"share on (facebook|twitter|x|linkedin|pinterest)",
            r"sign( the| this)? petition( now)?!?",
            r"sign now!?",
        )
    ),
    CREDIT_LINE_RE,
)
# Headings that open a list of links to other pages ("Related Stories" and its headlines): the
# headline lines that follow them are furniture too.
LINK_LIST_HEADINGS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"related( articles| stories| posts| news| content)?:?",
        r"(more|also) (from|on) .{1,40}",
        r"(most )?(popular|read|shared|trending)( now| stories| articles)?:?",
        r"you (may|might) also like:?",
        r"recommended( for you| stories)?:?",
    )
)


def one_pattern(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """Whole-line patterns as one (case-insensitive) regex: one call per line, not one per
    pattern, which is most of the cost of reading a text dump's lines."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


FURNITURE_RE: Final[re.Pattern[str]] = one_pattern(FURNITURE_LINES)
# Every furniture line is short; longer paragraphs skip the patterns.
MAX_FURNITURE_CHARS: Final[int] = 240


# Each furniture pattern's first-character filter, by the pattern's identity (the filter keeps
# the pattern alive, so an identity is never reused); hashing a pattern costs more than the test.
_FILTERS: dict[int, tuple[re.Pattern[str], FirstCharFilter]] = {}


def _first_char_filter(patterns: re.Pattern[str]) -> FirstCharFilter:
    known = _FILTERS.get(id(patterns))
    if known is None:
        known = _FILTERS[id(patterns)] = (patterns, FirstCharFilter(patterns))
    return known[1]


def is_furniture(line: str, patterns: re.Pattern[str] = FURNITURE_RE) -> bool:
    """Whether a whole line (or paragraph) is page furniture (by default the generic kind)."""
    return (
        len(line) <= MAX_FURNITURE_CHARS
        and _first_char_filter(patterns).may_match(line)
        and patterns.fullmatch(line) is not None
    )


LINK_LIST_RE: Final[re.Pattern[str]] = one_pattern(LINK_LIST_HEADINGS)
_LINK_LIST_FIRST_CHARS: Final = FirstCharFilter(LINK_LIST_RE)


def opens_link_list(line: str) -> bool:
    return (
        len(line) <= 60
        and _LINK_LIST_FIRST_CHARS.may_match(line)
        and LINK_LIST_RE.fullmatch(line) is not None
    )
