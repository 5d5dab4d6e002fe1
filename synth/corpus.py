"""Write a synthetic landing directory and the totals a warehouse built from it must show.

Layout of `out`: `raw/` is the landing directory (dumps and sidecars, sharded into folders);
`expected.json` holds corpus-wide totals and `expected_articles.jsonl` one line per article (its
newest capture), so a test can assert every count. Shards of articles are generated in worker
processes; each article depends only on (seed, index), so the output is the same for any worker
count.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from synth.model import Capture, captures_of, make_article
from synth.render import jsonl_record, render_html, render_text, sidecar

FORMATS: tuple[str, ...] = ("txt", "html", "jsonl", "warc")
SHARD = 500  # articles per shard (one folder per format and shard)
CONTAINER_PAGES = 50  # pages per JSON Lines or WARC file
FURNITURE = frozenset({"Take Action!"})


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _norm(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


@dataclass
class Totals:
    """Additive totals of a shard; merged across shards by `merge`."""

    files: int = 0
    captures: int = 0
    articles: int = 0
    comments: int = 0
    distinct_comments: int = 0
    duplicate_comments: int = 0
    replies: int = 0
    declared_comments: int = 0
    petition_signatures: int = 0
    articles_with_petition: int = 0
    bylines: int = 0
    photo_credits: int = 0
    paragraphs: int = 0
    words: int = 0
    max_comments_on_a_page: int = 0
    files_by_format: dict[str, int] = field(default_factory=dict)
    articles_by_site: dict[str, int] = field(default_factory=dict)
    commenters_by_site: dict[str, set[str]] = field(default_factory=dict)
    bytes: int = 0

    def merge(self, other: Totals) -> None:
        for name in (
            "files",
            "captures",
            "articles",
            "comments",
            "distinct_comments",
            "duplicate_comments",
            "replies",
            "declared_comments",
            "petition_signatures",
            "articles_with_petition",
            "bylines",
            "photo_credits",
            "paragraphs",
            "words",
            "bytes",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.max_comments_on_a_page = max(self.max_comments_on_a_page, other.max_comments_on_a_page)
        for key, value in other.files_by_format.items():
            self.files_by_format[key] = self.files_by_format.get(key, 0) + value
        for key, value in other.articles_by_site.items():
            self.articles_by_site[key] = self.articles_by_site.get(key, 0) + value
        for key, names in other.commenters_by_site.items():
            self.commenters_by_site.setdefault(key, set()).update(names)


def _article_expectation(capture: Capture, totals: Totals) -> dict[str, Any]:
    """What the warehouse must hold for an article, from its newest capture."""
    article = capture.article
    paragraphs = [_norm(b.text) for b in article.blocks if b.text not in FURNITURE]
    words = _words("\n\n".join(paragraphs))
    seen: set[tuple[str, str]] = set()
    duplicates = 0
    for comment in capture.comments:
        key = (_fold(comment.commenter.display), _fold(" ".join(comment.paragraphs)))
        if key in seen:
            duplicates += 1
        seen.add(key)
    shown = capture.comments
    authors = {_norm(c.commenter.display) for c in shown}
    totals.articles += 1
    totals.comments += len(shown)
    totals.duplicate_comments += duplicates
    totals.distinct_comments += len(shown) - duplicates
    totals.replies += sum(1 for c in shown if c.parent is not None)
    totals.declared_comments += capture.declared
    totals.petition_signatures += article.petition_signatures or 0
    totals.articles_with_petition += article.petition_signatures is not None
    totals.bylines += article.byline is not None
    totals.photo_credits += article.photo_credit is not None
    totals.paragraphs += len(paragraphs)
    totals.words += words
    totals.max_comments_on_a_page = max(totals.max_comments_on_a_page, len(shown))
    totals.articles_by_site[article.site] = totals.articles_by_site.get(article.site, 0) + 1
    totals.commenters_by_site.setdefault(article.site, set()).update(authors)
    return {
        "title": article.title,
        "url": article.url if capture.sidecar or capture.fmt in ("jsonl", "warc") else None,
        "site": article.site,
        "byline": article.byline,
        "declared_comments": capture.declared,
        "captured_comments": len(shown),
        "distinct_comments": len(shown) - duplicates,
        "duplicate_comments": duplicates,
        "unique_commenters": len(authors),
        "petition_signatures": article.petition_signatures,
        "paragraph_count": len(paragraphs),
        "word_count": words,
        "captures": 0,  # filled in by the shard
    }


def _set_time(path: Path, capture: Capture) -> None:
    # Pages without a sidecar are dated by their file's modification time: make it the capture time.
    stamp = int(capture.captured_at.timestamp() * 1_000_000_000)
    os.utime(path, ns=(stamp, stamp))


def _write(path: Path, data: bytes, capture: Capture, totals: Totals, fmt: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    _set_time(path, capture)
    totals.files += 1
    totals.bytes += len(data)
    totals.files_by_format[fmt] = totals.files_by_format.get(fmt, 0) + 1


def _write_warc(path: Path, captures: Sequence[Capture], totals: Totals) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for position, capture in enumerate(captures):
        html = render_html(capture).encode()
        stamp = int(capture.captured_at.timestamp())
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            capture.article.url,
            "response",
            payload=io.BytesIO(html),
            http_headers=headers,
            warc_headers_dict={
                "WARC-Date": capture.captured_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                # Deterministic ids keep the output byte-identical for a seed; the position keeps
                # two captures of one page at the same second apart, as a real crawler's ids are.
                "WARC-Record-ID": f"<urn:synth:{capture.article.index}:{stamp}:{position}>",
            },
        )
        writer.write_record(record)
    _write(path, buffer.getvalue(), captures[0], totals, "warc")


def write_shard(
    seed: int, start: int, stop: int, commenters: int, formats: tuple[str, ...], raw: str
) -> tuple[Totals, list[dict[str, Any]]]:
    """Articles [start, stop): dumps under `raw`, their totals and per-article expectations."""
    root = Path(raw)
    shard = f"{start // SHARD:05d}"
    totals = Totals()
    expected: list[dict[str, Any]] = []
    containers: dict[str, list[Capture]] = {"jsonl": [], "warc": []}
    for index in range(start, stop):
        article = make_article(seed, index, commenters)
        captures = captures_of(article, seed, formats)
        row = _article_expectation(captures[0], totals)
        row["captures"] = len(captures)
        expected.append(row)
        for capture in captures:
            totals.captures += 1
            if capture.fmt in containers:
                containers[capture.fmt].append(capture)
                continue
            stem = f"{index:07d}-{int(capture.captured_at.timestamp())}"
            folder = root / ("mirror" if capture.copy else capture.fmt) / shard
            if capture.fmt == "html":
                name, data = f"{stem}.html", render_html(capture).encode()
            elif index % 10 == 3:  # some dumps arrive gzipped
                name, data = f"{stem}.txt.gz", gzip.compress(render_text(capture).encode(), mtime=0)
            else:
                name, data = f"{stem}.txt", render_text(capture).encode()
            _write(folder / name, data, capture, totals, capture.fmt)
            if capture.sidecar:
                (folder / f"{name}.meta.json").write_bytes(sidecar(capture))
    for fmt, pending in containers.items():
        for number in range(0, len(pending), CONTAINER_PAGES):
            chunk = pending[number : number + CONTAINER_PAGES]
            path = root / fmt / shard / f"pages-{number // CONTAINER_PAGES:03d}.{fmt}"
            if fmt == "jsonl":
                data = ("\n".join(jsonl_record(c) for c in chunk) + "\n").encode()
                _write(path, data, chunk[0], totals, fmt)
            else:
                _write_warc(path.with_suffix(".warc.gz"), chunk, totals)
    return totals, expected


def synthesize(
    articles: int,
    seed: int,
    out: Path,
    formats: Sequence[str] = ("txt",),
    workers: int | None = None,
) -> dict[str, Any]:
    """Write the corpus under `out/raw` and its expectations beside it; return the totals."""
    chosen = tuple(f for f in FORMATS if f in formats)
    unknown = set(formats) - set(FORMATS)
    if unknown or not chosen:
        raise ValueError(f"formats must be among {', '.join(FORMATS)}; got {', '.join(formats)}")
    raw = out / "raw"
    if raw.exists() and any(raw.iterdir()):
        raise FileExistsError(f"{raw} is not empty; synthesize into a fresh directory")
    raw.mkdir(parents=True, exist_ok=True)
    commenters = max(200, articles * 2)  # the pool of members grows with the site
    spans = [(s, min(s + SHARD, articles)) for s in range(0, articles, SHARD)]
    workers = max(1, min(workers or os.cpu_count() or 1, len(spans) or 1))
    totals = Totals()
    with (out / "expected_articles.jsonl").open("w", encoding="utf-8") as rows:
        if workers == 1:
            results = (write_shard(seed, a, b, commenters, chosen, str(raw)) for a, b in spans)
            for shard_totals, expected in results:
                totals.merge(shard_totals)
                rows.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in expected)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [
                    pool.submit(write_shard, seed, a, b, commenters, chosen, str(raw))
                    for a, b in spans
                ]
                for future in futures:
                    shard_totals, expected = future.result()
                    totals.merge(shard_totals)
                    rows.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in expected)
    summary: dict[str, Any] = {
        "seed": seed,
        "formats": list(chosen),
        "articles": totals.articles,
        "captures": totals.captures,
        "files": totals.files,
        "files_by_format": dict(sorted(totals.files_by_format.items())),
        "bytes": totals.bytes,
        "comments": totals.comments,
        "distinct_comments": totals.distinct_comments,
        "duplicate_comments": totals.duplicate_comments,
        "replies": totals.replies,
        "declared_comments": totals.declared_comments,
        "petition_signatures": totals.petition_signatures,
        "articles_with_petition": totals.articles_with_petition,
        "bylines": totals.bylines,
        "photo_credits": totals.photo_credits,
        "paragraphs": totals.paragraphs,
        "words": totals.words,
        "max_comments_on_a_page": totals.max_comments_on_a_page,
        "articles_by_site": dict(sorted(totals.articles_by_site.items())),
        "unique_commenters_by_site": {
            k: len(v) for k, v in sorted(totals.commenters_by_site.items())
        },
        "ingest_errors": 0,
    }
    (out / "expected.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary
