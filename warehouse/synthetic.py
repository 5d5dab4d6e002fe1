"""A synthetic warehouse written straight into DuckDB: the tables of sql/tables filled by SQL with
the shapes of `corpus synth` (its sites and shares, three years of publication dates, heavy-tailed
comment counts, Zipf-distributed commenters, double posts, replies, quotes credited to outlets),
plus a few partial and rejected input files, then the views of sql/views (the materialised ones
computed from those tables).

No dump is written or parsed, so 50,000 articles take seconds instead of minutes: this is for
tests and benchmarks of what reads the warehouse (the report, the views), never of extraction.
Rows depend only on (articles, seed, sites): every pseudo-random draw is a hash of the row's
index and the seed, so the same call gives the same warehouse.

    python -m warehouse.synthetic --articles 50000 --out /tmp/synth50k.duckdb [--sites 12]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

import duckdb

from synth import vocab
from synth.model import EPOCH, MAX_COMMENTS, SITES
from warehouse.build import materialise_views
from warehouse.sql_files import TABLES, sql_text

# Kinds of input file not fully loaded, with the share of such files each takes (most common
# first); a skipped file is a page that is no article (a listing, a profile).
BAD_FILE_KINDS: tuple[tuple[str, str, float], ...] = (
    # (error_kind, status, share)
    ("bad_json_line", "partial", 0.4),
    ("corrupt_gzip", "rejected", 0.15),
    ("not_an_article", "skipped", 0.15),
    ("empty_file", "rejected", 0.12),
    ("no_title", "rejected", 0.08),
    ("not_text", "rejected", 0.06),
    ("bad_sidecar", "partial", 0.04),
)
BAD_FILE_RATE = 0.006  # bad files per article file


def site_shares(sites: int) -> tuple[tuple[str, float], ...]:
    """`corpus synth`'s sites (care2.com 80%, petitions.care2.com 20%), or `sites` made-up ones
    with Zipf shares, for reports that must cope with many sites."""
    if sites <= len(SITES):
        return tuple((site, share) for site, _, share in SITES)
    weights = [1.0 / rank for rank in range(1, sites + 1)]
    total = sum(weights)
    return tuple(
        (f"site{rank:03d}.example", weight / total) for rank, weight in enumerate(weights, 1)
    )


def _site_case(shares: Sequence[tuple[str, float]], u: str) -> str:
    """A CASE expression picking a site from a uniform draw `u`."""
    branches, bound = [], 0.0
    for site, share in shares[:-1]:
        bound += share
        branches.append(f"WHEN {u} < {bound!r} THEN '{site}'")
    return f"CASE {' '.join(branches)} ELSE '{shares[-1][0]}' END"


def _kind_case(u: str, column: int) -> str:
    branches, bound = [], 0.0
    for kind in BAD_FILE_KINDS[:-1]:
        bound += kind[2]
        branches.append(f"WHEN {u} < {bound!r} THEN '{kind[column]}'")
    return f"CASE {' '.join(branches)} ELSE '{BAD_FILE_KINDS[-1][column]}' END"


SENTENCES = 2048  # distinct comment and quote texts, drawn from the vocabulary once


def _literal(items: Sequence[str]) -> str:
    return "[" + ", ".join("'" + item.replace("'", "''") + "'" for item in items) + "]"


def _macros(seed: int) -> str:
    """u(i, k): a uniform draw in [0, 1) for row i and purpose k; one picking macro per word list
    (inlined as constants: DuckDB folds them once, where a variable would be copied per row)."""
    rng = random.Random(f"sentences:{seed}")
    sentences = [
        " ".join(rng.choice(vocab.WORDS) for _ in range(rng.randint(3, 30))).capitalize() + "."
        for _ in range(SENTENCES)
    ]
    lists = {
        "sentence": sentences,
        "word": vocab.WORDS,
        "person": vocab.PEOPLE,
        "first_name": vocab.FIRST_NAMES,
        "last_name": vocab.LAST_NAMES,
        "short_comment": vocab.SHORT_COMMENTS,
        "outlet": vocab.OUTLETS,
        "verb": vocab.SPEECH_VERBS,
        "subject": vocab.TITLE_SUBJECTS,
        "predicate": vocab.TITLE_PREDICATES,
        "place": vocab.PLACES,
        "author": vocab.AUTHORS,
        "photographer": vocab.PHOTOGRAPHERS,
        "pronoun": ("he", "she", "they"),
    }
    macros = [
        f"CREATE OR REPLACE TEMP MACRO u(i, k) AS (hash(i, k, {seed}) % 1000003) / 1000003.0;",
        # Ids shaped like the real ones (a prefix and hex digits), cheaper than a digest.
        f"CREATE OR REPLACE TEMP MACRO id_hex(i, k) AS lpad(to_hex(hash(i, k, {seed})), 16, '0');",
    ]
    macros += [
        f"CREATE OR REPLACE TEMP MACRO {name}(i, k) AS "
        f"{_literal(items)}[1 + (hash(i, k, {seed}) % {len(items)})::BIGINT];"
        for name, items in lists.items()
    ]
    return "\n".join(macros)


ARTICLES = """
CREATE TEMP TABLE g_articles AS
WITH draws AS (
    SELECT
        i,
        {site} AS site,
        TIMESTAMP '{epoch}' + to_seconds(floor(u(i, 'published') * 3 * 365 * 86400)::BIGINT)
            AS published_at,
        -- corpus synth: nine pages in ten show a lognormal handful, one in ten a Pareto tail.
        least({max_comments}, CASE
            WHEN u(i, 'tail') < 0.9 THEN floor(exp(1.3 + sqrt(-2 * ln(1 - u(i, 'z1')))
                                            * cos(2 * pi() * u(i, 'z2'))))
            ELSE floor(20 * pow(1 - u(i, 'pareto'), -1 / 1.1))
        END)::BIGINT AS originals,
        person(i, 'person') AS person
    FROM range({articles}) AS t(i)
)
SELECT
    *,
    'a_' || id_hex(i, 'article') AS article_id,
    published_at + to_seconds((86400 + u(i, 'newest') * 399 * 86400)::BIGINT) AS newest_post,
    format('synth/{{:05d}}/{{:07d}}.txt', i // 500, i) AS source_path
FROM draws
"""

COMMENTS = """
CREATE TEMP TABLE g_comments AS
WITH originals AS (
    SELECT a.i, a.article_id, a.published_at, a.newest_post, k, a.i * 8192 + k AS ck
    FROM g_articles AS a, unnest(range(a.originals)) AS r(k)
),
copies AS (
    -- A double post now and then: the same member, the same words, once or twice again.
    SELECT o.*, c.copy
    FROM originals AS o
    JOIN (VALUES (0), (1), (2)) AS c(copy)
        ON c.copy < CASE WHEN u(ck, 'double') < 0.03 THEN 2 + (u(ck, 'twice') < 0.33)::INT
                         ELSE 1 END
),
drawn AS (
    SELECT
        *,
        -- Zipf (s = 1.1) over the pool of members: the inverse of its continuous CDF.
        least({pool}, greatest(1, floor(pow(1 - u(ck, 'who') * (1 - pow({pool}, -0.1)), -10))))
            ::BIGINT AS who,
        greatest(-ln(1 - u(ck, 'age')) * 20 * 86400, 1) AS age_seconds
    FROM copies
)
SELECT
    article_id,
    i,
    k,
    ck,
    copy,
    'c_' || id_hex(ck * 4 + copy, 'comment') AS comment_id,
    row_number() OVER (PARTITION BY i ORDER BY k, copy)::INTEGER AS position,
    CASE WHEN u(who, 'single') < 0.1 THEN first_name(who, 'first')
         ELSE first_name(who, 'first') || ' '
              || last_name(who, 'last')[1] END AS author,
    greatest(published_at, newest_post - to_seconds(age_seconds::BIGINT)) AS posted_at,
    -- The width of the window a relative time ("3 days ago") leaves, by the age it states.
    CASE WHEN age_seconds < 86400 THEN 1800 WHEN age_seconds < 30 * 86400 THEN 43200
         WHEN age_seconds < 365 * 86400 THEN 15 * 86400 ELSE 182 * 86400 END AS half_window,
    CASE WHEN age_seconds < 86400 THEN 'about ' || ceil(age_seconds / 3600)::INT || ' hours ago'
         WHEN age_seconds < 30 * 86400 THEN round(age_seconds / 86400)::INT || ' days ago'
         WHEN age_seconds < 365 * 86400 THEN round(age_seconds / 2592000)::INT || ' months ago'
         ELSE round(age_seconds / 31536000)::INT || ' years ago' END AS posted_text,
    CASE WHEN u(ck, 'short') < 0.35 THEN short_comment(ck, 'short_text')
         ELSE sentence(ck, 'body') END AS body,
    CASE WHEN k > 0 AND copy = 0 AND u(ck, 'reply') < 0.1
         THEN k - 1 - floor(u(ck, 'parent') * least(k, 5))::BIGINT END AS parent_k
FROM drawn
"""

QUOTES = """
CREATE TEMP TABLE g_quotes AS
WITH groups AS (
    -- corpus synth: zero to two quote passages per article, each an outlet's block quote or two
    -- direct quotes by name, then by pronoun; one article in five holds a scare quote.
    SELECT a.i, a.article_id, a.person, g, a.i * 4 + g AS qg,
        u(a.i * 4 + g, 'leadin') < 0.5 AS block
    FROM g_articles AS a, unnest(range(floor(u(a.i, 'passages') * 3)::INT)) AS r(g)
),
speech AS (
    SELECT i, article_id, g, j,
        CASE WHEN block THEN 'block' ELSE 'direct' END AS kind,
        sentence(qg * 2 + j, 'quote') AS text,
        person AS speaker,
        CASE WHEN j = 0 AND NOT block THEN person
             ELSE pronoun(i, 'pronoun') END AS speaker_mention,
        CASE WHEN j = 1 THEN 'added' ELSE verb(qg, 'verb') END AS verb,
        CASE WHEN block THEN outlet(qg, 'outlet') END AS outlet
    FROM groups, unnest(range(CASE WHEN block THEN 1 ELSE 2 END)) AS s(j)
),
scare AS (
    SELECT i, article_id, 9 AS g, 0 AS j, 'scare' AS kind, word(i, 'scare')
        || '-' || word(i, 'scare2') AS text,
        NULL AS speaker, NULL AS speaker_mention, NULL AS verb, NULL AS outlet
    FROM g_articles
    WHERE u(i, 'has_scare') < 0.2
)
SELECT
    i,
    'q_' || id_hex(i * 64 + g * 4 + j, 'quote') AS quote_id,
    article_id,
    row_number() OVER (PARTITION BY i ORDER BY g, j)::INTEGER AS position,
    text, speaker, speaker_mention, verb, outlet, kind
FROM (SELECT * FROM speech UNION ALL SELECT * FROM scare)
"""

LOADS = r"""
INSERT INTO comments BY NAME
SELECT
    c.comment_id, c.article_id, c.position, c.author,
    c.author AS author_label,
    c.posted_text,
    c.posted_at - to_seconds(c.half_window) AS posted_at_earliest,
    c.posted_at + to_seconds(c.half_window) AS posted_at_latest,
    c.body,
    c.copy > 0 AS is_duplicate,
    CASE WHEN c.copy > 0 THEN 'c_' || id_hex(c.ck * 4, 'comment') END
        AS duplicate_of,
    CASE WHEN c.parent_k IS NOT NULL
         THEN 'c_' || id_hex((c.i * 8192 + c.parent_k) * 4, 'comment') END AS parent_comment_id,
    -- the articles.word_count rule (tokens holding a letter or digit), for these ASCII words
    len(regexp_extract_all(c.body, '\S*[A-Za-z0-9]\S*'))::INTEGER AS word_count
FROM g_comments AS c;

CREATE TEMP TABLE g_counts AS
SELECT a.*, coalesce(n.shown, 0) AS shown, n.last_posted
FROM g_articles AS a
LEFT JOIN (
    SELECT article_id, count(*) AS shown, max(posted_at) AS last_posted
    FROM g_comments
    GROUP BY article_id
) AS n USING (article_id);

INSERT INTO articles BY NAME
SELECT
    article_id,
    'https://www.' || site || '/causes/story-' || i || '.html' AS url,
    site,
    subject(i, 'subject') || ' ' || predicate(i, 'pred') || ' in ' || place(i, 'place')
        || ' (' || (i + 1) || ')' AS title,
    CASE WHEN u(i, 'byline') < 0.7 THEN author(i, 'author') END AS byline,
    published_at,
    coalesce(last_posted, published_at) + to_seconds((60 + u(i, 'captured') * 90 * 86400)::BIGINT)
        AS captured_at,
    'sidecar' AS captured_at_source,
    sentence(i, 'lead') || ' ' || sentence(i, 'lead2') AS body_text,
    (3 + floor(u(i, 'paragraphs') * 8))::INTEGER AS paragraph_count,
    (150 + floor(u(i, 'words') * 1200))::INTEGER AS word_count,
    CASE WHEN u(i, 'credit') < 0.8 THEN photographer(i, 'photographer')
         || ' via Unsplash' END AS photo_credit,
    (shown + floor(shown * u(i, 'declared') * 4) + floor(u(i, 'declared_extra') * 4))::INTEGER
        AS declared_comment_count,
    CASE WHEN u(i, 'petition') < 0.6 THEN (1 + floor(u(i, 'signatures') * 250000))::BIGINT END
        AS petition_signatures,
    source_path,
    'txt' AS source_format,
    sha256(source_path) AS source_sha256,
    CASE WHEN site LIKE 'petitions.%' THEN 'petition' ELSE 'article' END AS page_kind
FROM g_counts;

INSERT INTO quotes BY NAME SELECT * EXCLUDE (i) FROM g_quotes;

INSERT INTO article_captures BY NAME
SELECT a.article_id, a.captured_at, a.declared_comment_count, n.shown::INTEGER AS captured_comments,
    a.source_path, a.source_sha256, NULL AS record
FROM articles AS a
JOIN g_counts AS n USING (article_id);

INSERT INTO ingest_files BY NAME
SELECT source_path, source_sha256, (2000 + length(body_text) * 3)::BIGINT AS bytes, 'txt'
    AS source_format, 'loaded' AS status, 1 AS articles, captured_at AS first_seen_at,
    captured_at AS last_loaded_at
FROM articles;

CREATE TEMP TABLE g_bad AS
SELECT
    b,
    {kind} AS error_kind,
    {status} AS status,
    format('bad/{{:05d}}.{{}}', b, CASE WHEN {kind} = 'bad_json_line' THEN 'jsonl'
                                       ELSE 'txt.gz' END) AS source_path,
    TIMESTAMP '{epoch}' + to_seconds(floor(u(b, 'bad_seen') * 3 * 365 * 86400)::BIGINT) AS seen_at
FROM range({bad_files}) AS t(b);

INSERT INTO ingest_files BY NAME
SELECT source_path, CASE WHEN error_kind <> 'empty_file' THEN sha256(source_path) END
    AS source_sha256, (floor(u(b, 'bad_bytes') * 90000))::BIGINT AS bytes,
    CASE WHEN error_kind = 'bad_json_line' THEN 'jsonl' ELSE 'txt' END AS source_format, status,
    CASE WHEN status = 'partial' THEN 1 + floor(u(b, 'landed') * 40)::INTEGER ELSE 0 END
        AS articles,
    seen_at AS first_seen_at, CASE WHEN status = 'partial' THEN seen_at END AS last_loaded_at
FROM g_bad;

INSERT INTO ingest_errors BY NAME
SELECT source_path, CASE WHEN error_kind = 'bad_json_line' THEN (1 + e)::VARCHAR END AS record,
    error_kind,
    error_kind || ': synthetic problem ' || e || ' in ' || source_path AS message, seen_at
FROM g_bad, unnest(range(CASE WHEN error_kind = 'bad_json_line'
                              THEN 1 + floor(u(b, 'lines') * 3)::INT ELSE 1 END)) AS r(e);
"""


def synthesize_warehouse(path: Path, articles: int, seed: int = 0, sites: int = 2) -> Path:
    """Write a complete warehouse of `articles` synthetic articles at `path` (must not exist)."""
    if path.exists():
        raise FileExistsError(f"{path} exists; write the synthetic warehouse to a new file")
    path.parent.mkdir(parents=True, exist_ok=True)
    shares = site_shares(sites)
    fill = {
        "articles": int(articles),
        "seed": int(seed),
        "epoch": EPOCH.strftime("%Y-%m-%d %H:%M:%S"),
        "max_comments": MAX_COMMENTS,
        "pool": max(200, articles * 2),  # as corpus synth: the pool of members grows with the site
        "site": _site_case(shares, "u(i, 'site')"),
        "kind": _kind_case("u(b, 'bad_kind')", 0),
        "status": _kind_case("u(b, 'bad_kind')", 1),
        "bad_files": max(1, round(articles * BAD_FILE_RATE)),
    }
    con = duckdb.connect(str(path))
    try:
        con.execute(_macros(seed))
        for name in TABLES:
            con.execute(sql_text("tables", name))
        for statement in (ARTICLES, COMMENTS, QUOTES, LOADS):
            con.execute(statement.format(**fill))
        materialise_views(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m warehouse.synthetic", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--articles", type=int, required=True, help="articles to generate")
    parser.add_argument("--out", required=True, help="DuckDB file to write (must not exist)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--sites", type=int, default=2, help="sites: 2 as corpus synth, more made up (default: 2)"
    )
    args = parser.parse_args(argv)
    print(synthesize_warehouse(Path(args.out), args.articles, args.seed, args.sites))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
