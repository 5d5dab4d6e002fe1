"""quote_echoes is computed from matching words rather than from every three-word window of every
comment (the windows cost most of a build). Its rows must be those of the plain formulation of the
rule, kept here as the oracle: every three-word window of quote and comment compared, matches on one
diagonal joined into runs, the longest run per pair. Checked on generated quotes and comments full
of stop words, repeats, punctuation, apostrophes and case."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warehouse.sql_files import TABLES, sql_text

# The rule written plainly (the view of an earlier release): all windows, compared as lists.
ORACLE = r"""
WITH stop AS (
    SELECT [
        'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can', 'do', 'does',
        'for', 'from', 'had', 'has', 'have', 'he', 'her', 'here', 'him', 'his', 'how', 'i',
        'if', 'in', 'is', 'it', 'its', 'me', 'more', 'much', 'my', 'no', 'not', 'of', 'on', 'or',
        'our', 'out', 'so', 'such', 'that', 'the', 'their', 'them', 'there', 'these', 'they',
        'this', 'those', 'to', 'too', 'up', 'us', 'very', 'was', 'we', 'were', 'what', 'when',
        'which', 'who', 'will', 'with', 'would', 'you', 'your'
    ] AS words
),
quote_words AS (
    SELECT quote_id, article_id, speaker, list_filter(list_transform(
        regexp_split_to_array(lower(replace(text, '’', '''')), '[^\p{L}\p{N}'']+'),
        w -> trim(w, '''')), w -> w <> '') AS words
    FROM quotes
),
comment_words AS (
    SELECT comment_id, article_id, list_filter(list_transform(
        regexp_split_to_array(lower(replace(body, '’', '''')), '[^\p{L}\p{N}'']+'),
        w -> trim(w, '''')), w -> w <> '') AS words
    FROM comments
    WHERE NOT is_duplicate
),
quote_trigrams AS (
    SELECT quote_id, article_id, speaker, words, i, words[i:i + 2] AS trigram
    FROM (SELECT *, unnest(range(1, len(words) - 1)) AS i FROM quote_words)
),
comment_trigrams AS (
    SELECT comment_id, article_id, j, words[j:j + 2] AS trigram
    FROM (SELECT *, unnest(range(1, len(words) - 1)) AS j FROM comment_words)
),
matches AS (
    SELECT q.quote_id, q.article_id, q.speaker, q.words, c.comment_id, q.i, c.j
    FROM quote_trigrams AS q
    JOIN comment_trigrams AS c ON c.article_id = q.article_id AND c.trigram = q.trigram
    CROSS JOIN stop
    WHERE len(list_filter(q.trigram, w -> NOT list_contains(stop.words, w))) > 0
),
runs AS (
    SELECT quote_id, article_id, speaker, comment_id, any_value(words) AS words,
        min(i) AS run_start, max(i) + 2 AS run_end
    FROM (
        SELECT *, i - row_number() OVER (PARTITION BY quote_id, comment_id, j - i ORDER BY i)
            AS island
        FROM matches
    )
    GROUP BY quote_id, article_id, speaker, comment_id, j - i, island
)
SELECT article_id, quote_id, comment_id, speaker,
    array_to_string(words[run_start:run_end], ' ') AS echoed_text
FROM runs
QUALIFY row_number() OVER (
    PARTITION BY quote_id, comment_id ORDER BY run_end - run_start DESC, run_start
) = 1
"""

# A small vocabulary, so that runs are shared often: stop words (half of it), repeats, odd
# punctuation and apostrophes, and comments that copy a stretch of a quote of their article.
WORDS = ["the", "of", "a", "to", "we", "it's", "river", "flood", "night", "lost", "town", "don't"]
SEPARATORS = [" ", "  ", ", ", ". ", "! ", " — ", "\n", " '", "' ", "’"]


@st.composite
def passage(draw: st.DrawFn, words: list[str]) -> str:
    text = ""
    for word in words:
        if draw(st.booleans()):
            word = word.upper() if draw(st.booleans()) else word.capitalize()
        text += word + draw(st.sampled_from(SEPARATORS))
    return text.replace("'", draw(st.sampled_from(["'", "’"])))


@st.composite
def articles(draw: st.DrawFn) -> list[tuple[list[str], list[tuple[str, bool]]]]:
    drawn = []
    for _ in range(draw(st.integers(1, 3))):
        quote_words = draw(
            st.lists(st.lists(st.sampled_from(WORDS), max_size=12), min_size=1, max_size=3)
        )
        comments = []
        for _ in range(draw(st.integers(1, 5))):
            words = draw(st.lists(st.sampled_from(WORDS), max_size=6))
            source = draw(st.sampled_from(quote_words))
            if source and draw(st.booleans()):  # copy a stretch of the quote into the comment
                start = draw(st.integers(0, len(source) - 1))
                stretch = source[start : start + draw(st.integers(1, 8))]
                cut = draw(st.integers(0, len(words)))
                words = words[:cut] + stretch + words[cut:]
            comments.append((draw(passage(words)), draw(st.booleans())))
        drawn.append(([draw(passage(q)) for q in quote_words], comments))
    return drawn


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(":memory:")
    for name in TABLES:
        connection.execute(sql_text("tables", name))
    connection.execute(sql_text("views", "quote_echoes"))
    yield connection
    connection.close()


def echoes(con: duckdb.DuckDBPyConnection) -> None:
    """Fill quote_echoes as a build does, every article touched."""
    con.execute("CREATE OR REPLACE TEMP TABLE touched_articles AS SELECT article_id FROM articles")
    con.execute(sql_text("load", "quote_echoes"))


def fill(
    con: duckdb.DuckDBPyConnection, articles: list[tuple[list[str], list[tuple[str, bool]]]]
) -> None:
    for table in ("articles", "quotes", "comments", "quote_echoes"):
        con.execute(f"DELETE FROM {table}")
    for a, (quotes, comments) in enumerate(articles):
        article = f"a{a}"
        con.execute(
            "INSERT INTO articles BY NAME SELECT ? AS article_id, 'Title' AS title,"
            " TIMESTAMP '2024-01-01' AS captured_at, 'sidecar' AS captured_at_source,"
            " '' AS body_text, 0 AS paragraph_count, 0 AS word_count, 'x.txt' AS source_path,"
            " 'txt' AS source_format, 'h' AS source_sha256, 'article' AS page_kind",
            [article],
        )
        for q, text in enumerate(quotes, start=1):
            con.execute(
                "INSERT INTO quotes BY NAME SELECT ? AS quote_id, ? AS article_id, ? AS position,"
                " ? AS text, 'Speaker' AS speaker, 'direct' AS kind",
                [f"{article}q{q}", article, q, text],
            )
        for c, (body, duplicate) in enumerate(comments, start=1):
            con.execute(
                "INSERT INTO comments BY NAME SELECT ? AS comment_id, ? AS article_id,"
                " ? AS position, 'Ann' AS author, ? AS body, ? AS is_duplicate, 0 AS word_count",
                [f"{article}c{c}", article, c, body, duplicate and c > 1],
            )


@settings(max_examples=50, deadline=None)
@given(articles())
def test_quote_echoes_equal_the_plain_rule(
    con: duckdb.DuckDBPyConnection, articles: list[tuple[list[str], list[tuple[str, bool]]]]
) -> None:
    fill(con, articles)
    echoes(con)
    assert (
        con.execute("SELECT * FROM quote_echoes ORDER BY ALL").fetchall()
        == con.execute(f"SELECT * FROM ({ORACLE}) ORDER BY ALL").fetchall()
    )


def test_a_run_broken_by_three_stop_words_counts_as_two(con: duckdb.DuckDBPyConnection) -> None:
    text = "Flood of the river to the town lost"
    fill(con, [([text], [(text.lower(), False)])])
    echoes(con)
    assert con.execute("SELECT echoed_text FROM quote_echoes").fetchall() == [
        ("flood of the river to the town lost",)
    ]
    # "of the a" is all stop words: the windows on either side of it make two runs, "river
    # flood of the" and the longer "the a night lost town".
    text = "river flood of the a night lost town"
    fill(con, [([text], [(text, False)])])
    echoes(con)
    assert con.execute("SELECT echoed_text FROM quote_echoes").fetchall() == [
        ("the a night lost town",)
    ]
