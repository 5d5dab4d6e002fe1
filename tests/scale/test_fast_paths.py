"""The parser's fast paths give exactly what the plain rules give, on generated lines."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extraction.quotes.text import MASK_CHAR
from extraction.quotes.tokens import TOKEN
from extraction.rules import page
from extraction.rules.page import credit_line
from extraction.textnorm import SPACE_LIKE, ZERO_WIDTH, normalise_lines, word_count
from extraction.timeago import PHRASE, GluedSplit, split_glued_name

_SPACE_LIKE = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


def reference_normalise(line: str) -> str:
    line = _ZERO_WIDTH.sub("", _SPACE_LIKE.sub(" ", line))
    return re.sub(r" {2,}", " ", line).strip()


def reference_split(line: str, label: str | None) -> GluedSplit | None:
    """Every start position tried, as the splitter did before it skipped to phrase starts."""
    line = " ".join(line.split())
    candidates = []
    for start in range(len(line)):
        if start and not line[start - 1].isspace() and line[start].isspace():
            continue
        tail = line[start:]
        if PHRASE.fullmatch(tail) and line[:start].strip():
            candidates.append(GluedSplit(line[:start].strip(), tail))
    if not candidates:
        return None
    folded = " ".join(label.split()) if label else None

    def preference(split: GluedSplit) -> tuple[bool, bool, int]:
        is_prefix = folded is not None and folded.startswith(split.author)
        return is_prefix, split.author == folded, len(split.posted_text)

    return max(candidates, key=preference)


LINE_CHARS = st.sampled_from(list("ab oAZ1 9\t\f\v\u00a0\u200b\u3000xé  "))
# Line breaks of every kind str.splitlines knows, for texts of several lines.
TEXT_CHARS = st.sampled_from(list("ab oA1\t\u00a0\u200b\u3000é  \n\r\f\v\x1c\x85\u2028"))
WORD_CHARS = st.sampled_from(list("aZ9é²ǅ_—-.,“” \t\n\u00a0\u2028\x1c"))
PHRASES = st.sampled_from(
    [
        "about a month ago",
        "24 days ago",
        "a day ago",
        "about an hour ago",
        "less than a minute ago",
        "2 years ago",
        "about 5 hours ago",
        "an hour",
        "one minute ago",
        "over 3 years ago",
    ]
)
NAMES = st.sampled_from(
    ["Veronica D", "Sara A", "ANA MARIJA R", "Paulo R2", "Joanna", "Ann A", "Al"]
)


@settings(max_examples=400)
@given(st.text(LINE_CHARS, max_size=30))
def test_normalise_lines_matches_the_regex_rules_on_one_line(line: str) -> None:
    assert normalise_lines(line) == [reference_normalise(part) for part in line.splitlines()]


@settings(max_examples=400)
@given(st.text(TEXT_CHARS, max_size=60))
def test_normalise_lines_matches_the_regex_rules_line_by_line(text: str) -> None:
    assert normalise_lines(text) == [reference_normalise(line) for line in text.splitlines()]


@settings(max_examples=400)
@given(st.text(WORD_CHARS, max_size=40))
def test_word_count_matches_the_word_pattern(text: str) -> None:
    # A word is a whitespace-separated token holding a letter or digit.
    assert word_count(text) == len(re.findall(r"\S*[^\W_]\S*", text))


@settings(max_examples=400)
@given(NAMES, PHRASES, st.sampled_from(["", " ", "\u00a0"]), st.one_of(st.none(), NAMES))
def test_split_glued_name_matches_trying_every_position(
    name: str, phrase: str, glue: str, label: str | None
) -> None:
    line = name + glue + phrase
    assert split_glued_name(line, label) == reference_split(line, label)


def test_discover_skips_hidden_files_and_sidecars_of_present_dumps(tmp_path: Path) -> None:
    from extraction.files import relative_source_path
    from warehouse.landing import walk_landing

    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in (
        "a/x.txt",
        "a/x.txt.meta.json",
        "a/orphan.txt.meta.json",
        "a/.dot.txt",
        ".hidden/y.txt",
        "z.txt",
        "dangling.txt.meta.json",
    ):
        (tmp_path / name).write_text("t")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    found = [entry.source_path for entry in walk_landing(tmp_path)]
    assert found == [
        "dangling.txt",
        "dangling.txt.meta.json",
        "z.txt",
        "a/orphan.txt.meta.json",
        "a/x.txt",
    ]
    assert relative_source_path(tmp_path / "a" / "x.txt", tmp_path / "a" / "x.txt") == "."


def reference_header_pair(label: str, glued: str) -> GluedSplit | None:
    """A Care2 comment header as read before the first-letter test."""
    if not label or not glued:
        return None
    split = split_glued_name(glued, label)
    return split if split and label.startswith(split.author) else None


@settings(max_examples=400)
@given(
    st.one_of(NAMES, st.text(LINE_CHARS, max_size=12)),
    NAMES,
    st.sampled_from(["", " ", "\u00a0"]),
    PHRASES,
)
def test_care2_header_pair_matches_splitting_every_pair(
    label: str, name: str, glue: str, phrase: str
) -> None:
    from extraction.dialects.text.care2 import _is_header_pair

    glued = name + glue + phrase
    assert _is_header_pair(label, glued) == reference_header_pair(label, glued)
    assert _is_header_pair(label.strip(), glued) == reference_header_pair(label.strip(), glued)


# Letters the case-insensitive stems also match beyond ASCII ("ſ", "ı", "İ", Kelvin sign).
HEADING_CHARS = st.sampled_from(list("omentughspLAYECIRT 12ſıİ\u212aé:()"))


@settings(max_examples=600)
@given(st.text(HEADING_CHARS, max_size=20), st.sampled_from(["", "comments", "COMMENTS", "Reply"]))
def test_comment_heading_test_matches_the_stem_pattern(noise: str, word: str) -> None:
    from extraction.rules.page import _COMMENT_NOUN_STEMS_RE, _may_name_comments

    line = noise + word
    assert _may_name_comments(line) == (_COMMENT_NOUN_STEMS_RE.search(line) is not None)


@settings(max_examples=300)
@given(
    st.lists(st.one_of(NAMES, PHRASES, st.text(LINE_CHARS, min_size=1, max_size=12)), max_size=8)
)
def test_care2_pairs_prefilter_matches_trying_every_pair(lines: list[str]) -> None:
    """Only pairs with the same first character are tried: the answer is that of every pair."""
    from itertools import pairwise

    from extraction.dialects.text.care2 import _is_header_pair, _same_initials

    stripped = tuple(s for line in lines if (s := line.strip()))
    every = [i for i, (a, b) in enumerate(pairwise(stripped)) if _is_header_pair(a, b)]
    assert [i for i in _same_initials(stripped) if _is_header_pair(*stripped[i : i + 2])] == every


WORDS = st.sampled_from(["van", "de", "der", "la", "Smith", "Anna", ".", "J", "said", "the", "Dr"])


@given(st.lists(WORDS, min_size=1, max_size=6), st.integers(0, 5))
def test_chain_word_early_exit_matches_the_particle_loop(words: list[str], at: int) -> None:
    from extraction.quotes.clauses import NAME_PARTICLES, _chain_word

    i = at % len(words)
    word = words[i]
    assume(word != ".")  # the full stop's own rule is unchanged
    expected = word[:1].isupper()
    if not expected:
        for following in words[i + 1 : i + 4]:
            if word not in NAME_PARTICLES:
                break
            if following[:1].isupper():
                expected = True
                break
            word = following
    assert _chain_word(words, i) == expected


# Every character the normalisation replaces or drops, beside the ones that stay.
EVERY_SPACE_CHARS = st.sampled_from(list(SPACE_LIKE + ZERO_WIDTH + "ab é\n  "))


@settings(max_examples=400)
@given(st.text(EVERY_SPACE_CHARS, max_size=40))
def test_normalise_lines_replaces_every_space_like_and_zero_width_character(text: str) -> None:
    assert normalise_lines(text) == [reference_normalise(line) for line in text.splitlines()]


# The word pattern as it was written first, with a backtracking word branch.
REFERENCE_TOKEN = re.compile(
    rf"{MASK_CHAR}+|(?:[A-Z]\.){{2,}}|[^\W\d_](?:[\w’'\-&]*[^\W_])?|\d+(?:[.,:]\d+)*[^\W_]*|\S"
)
TOKEN_CHARS = st.sampled_from(list("abXZ09 _-'’&.,:“”é²ı٠\u00a0\n" + MASK_CHAR))


@settings(max_examples=600)
@given(st.text(TOKEN_CHARS, max_size=30))
def test_word_tokens_match_the_backtracking_pattern(text: str) -> None:
    assert TOKEN.findall(text) == REFERENCE_TOKEN.findall(text)


CREDIT_CHARS = st.sampled_from(list("ab .:-—©(|  \u00a0\tPpıİ"))
CREDIT_STARTS = st.sampled_from(
    ["", "Photo", "PHOTOGRAPH by", "main image:", "Credits -", "credit...", "Pic via", "Courtesy"]
)


@settings(max_examples=600)
@given(st.text(CREDIT_CHARS, max_size=6), CREDIT_STARTS, st.text(CREDIT_CHARS, max_size=20))
def test_credit_line_matches_the_plain_pattern(before: str, start: str, after: str) -> None:
    line = before + start + after
    plain = page.CREDIT_LINE_RE.match(" ".join(line.split()))
    assert credit_line(line) == (plain["credit"].rstrip(". ") or None if plain else None)


# Lines each guarded rule accepts, and first characters that case-insensitive matching treats
# specially ("İ", "ı", "ſ", the Kelvin sign) or that start no rule.
RULE_LINES = st.sampled_from(
    [
        "Advertisement",
        "Read more about the bees",
        "share on Facebook",
        "Photo credit: Warren Wong",
        "• 4 min read",
        "  Credit: AP",
        "— Photo: Jane Doe",
        "Image 3 of 12",
        "sign the petition now!",
        "1,204 supporters",
        "Visibility: Everyone",
        "| Track thread",
        "« back to topics",
        "[ send green star] [ accepted ]",
        "Related Stories",
        "You might also like:",
        "Most read",
        "October 17, 2017",
        "Posted on Tuesday, 17 October 2017",
        "2017-10-17",
        "ſign now",
        "İmage 1 of 2",
        "\u212aeep reading",
        "Zebra",
    ]
)


@settings(max_examples=600)
@given(
    RULE_LINES, st.text(st.sampled_from(list("aSİıſ\u212a1 •«|[-—é")), max_size=2), st.booleans()
)
def test_first_character_filters_never_reject_a_match(line: str, prefix: str, upper: bool) -> None:
    from extraction.rules import care2
    from extraction.rules.first_char import FirstCharFilter

    text = prefix + (line.upper() if upper else line)
    for pattern in (page.FURNITURE_RE, care2.FURNITURE_RE, page.LINK_LIST_RE, page.DATE_LINE):
        if pattern.match(text):
            assert FirstCharFilter(pattern).may_match(text), (pattern.pattern[:40], text)


def test_first_character_filter_reads_every_rule_pattern() -> None:
    """Each guarded rule is one the guard can read (else it would silently go unguarded)."""
    from extraction.rules import care2
    from extraction.rules.first_char import first_char_guard

    for pattern in (page.FURNITURE_RE, care2.FURNITURE_RE, page.LINK_LIST_RE, page.DATE_LINE):
        assert first_char_guard(pattern) is not None
    assert first_char_guard(page.LINK_LIST_RE).match("Related") is not None  # type: ignore[union-attr]
    assert first_char_guard(page.LINK_LIST_RE).match("Zebra") is None  # type: ignore[union-attr]
