"""Benchmark of HTML extraction against trafilatura, per development set and per half.

Run from the repository root::

    .venv/bin/python bench/extraction.py                      # the two shared development sets
    .venv/bin/python bench/extraction.py --dragnet DIR --wceb2025 DIR   # more sets, if saved
    .venv/bin/python bench/extraction.py --only "this project" --set fundus --fundus DIR \
        --misses byline    # one set, our extractor only, our byline misses on tuned pages
    .venv/bin/python bench/extraction.py --set wceb2025 --wceb2025 DIR --versus 20 \
        --trafilatura-cache CACHE.json   # one set; tuned pages where we trail trafilatura most

Every page is put in one of two halves by a stable hash of its name: "tuned" (rules may be
tuned on these pages) and "unseen" (never looked at while tuning; ``--worst`` lists tuned pages
only). For each set, half and extractor it prints body precision/recall/F1 (4-token shingles, as
the scrapinghub article-extraction-benchmark scores them), the pages that hold an article but
whose body comes back empty or that are judged not articles (the warehouse drops those, so
their body scores as empty),
metadata accuracy where the set knows it (title exact after white space normalisation, byline
as the same set of names, publication day), comment rows found,
reader-comment snippets found where the set marks comments, and pages/s on one core (CPU time of
this process). trafilatura (a project dependency: it is our fallback extractor) runs in the
same process on the same pages, one extractor after the other; our figures include the pages
our extractor hands to it.

Sets (none is committed; each is read from a folder outside the repository):

- ``extraction-dev``: ``../shared/extraction-dev/`` (scrapinghub article-extraction-benchmark,
  MIT): ``ground-truth.json`` and ``html/<id>.html.gz``; bodies only.
- ``readability-dev``: ``../shared/readability-dev/`` (mozilla/readability test pages,
  Apache-2.0): ``pages/<name>/{source,expected}.html.gz`` and ``expected-metadata.json``.
- ``--wceb2025 DIR``: a checkout of Murrough-Foley/web-content-extraction-benchmark (CC-BY-4.0;
  2,008 pages of 2025 with machine-written, reviewed truth: body, title, author, date, page type).
- ``--fundus DIR``: ``tests/resources/parser/test_data`` of flairNLP/fundus (MIT; about 240
  news pages of 40 countries, most in German, with the title, authors, date and body that
  fundus's per-publisher parsers must give).
- ``--dragnet DIR``: seomoz/dragnet_data (AGPL-3.0, 2012 pages): ``HTML/<id>.html`` and
  ``Corrected/<id>.html.corrected.txt``, whose text after the ``!@#$%^&*() COMMENTS`` line is
  the page's reader comments (the only set here that marks comments).

It is not a timed test; nothing is asserted. Sets whose folder is absent are skipped with a note.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extraction.decode import decode_bytes, meta_charset  # noqa: E402
from extraction.html import extract_html  # noqa: E402

SHARED = REPO.parent / "shared"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_LANG_RE = re.compile(rb"<html[^>]*?\blang=[\"']?([a-zA-Z]{2})", re.IGNORECASE)
_COMMENTS_MARKER_RE = re.compile(r"^[!@#$%^&*() ]{6,}COMMENTS\s*$", re.MULTILINE)
HALVES = ("tuned", "unseen")


# --- the pages --------------------------------------------------------------------------------
@dataclass(slots=True)
class Page:
    """One development page and what its set says is true of it (None: the set does not say)."""

    name: str
    url: str | None
    html: str
    body: str | None
    is_article: bool = True
    title: str | None = None
    byline: str | None = None
    day: set[str] | None = None  # the publication day, as written and in UTC
    comment_snippets: list[str] | None = None
    lang: str | None = None

    @property
    def half(self) -> str:
        """ "tuned" or "unseen", by a stable hash of the name (about half each)."""
        return HALVES[hashlib.sha256(self.name.encode()).digest()[0] & 1]


def _decode(raw: bytes) -> str:
    """The page as the pipeline decodes it (BOM, <meta charset>, detection)."""
    return decode_bytes(raw, meta_charset(raw))[0]


def _lang(raw: bytes) -> str | None:
    m = _LANG_RE.search(raw[:5000])
    return m.group(1).decode().lower() if m else None


def _days(value: str | None) -> set[str] | None:
    """The day a timestamp names as written, and its UTC day where it carries an offset."""
    if not value or not (m := re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)):
        return None
    days = {m.group(1)}
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None and parsed.tzinfo is not None:
        days.add(parsed.astimezone(UTC).date().isoformat())
    return days


def load_extraction_dev(root: Path) -> Iterator[Page]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for sha, item in sorted(truth.items()):
        raw = gzip.decompress((root / "html" / f"{sha}.html.gz").read_bytes())
        yield Page(sha, item.get("url"), _decode(raw), item["articleBody"], lang=_lang(raw))


def _visible_text(markup: str) -> str:
    """The text of an expected-output HTML file, a line per block element."""
    from lxml import html

    tree = html.fromstring(markup)
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return tree.text_content()


_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "br",
        "figure",
        "figcaption",
        "header",
        "footer",
    ]
)


def load_readability_dev(root: Path) -> Iterator[Page]:
    for folder in sorted((root / "pages").iterdir()):
        raw = gzip.decompress((folder / "source.html.gz").read_bytes())
        expected = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode("utf-8")
        meta_path = folder / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        yield Page(
            folder.name,
            None,
            _decode(raw),
            _visible_text(expected),
            is_article=meta.get("readerable", True) is not False,
            title=meta.get("title") or None,
            byline=meta.get("byline") or None,
            day=_days(meta.get("publishedTime")),
            lang=(meta.get("lang") or "")[:2].lower() or _lang(raw),
        )


def load_wceb2025(root: Path) -> Iterator[Page]:
    for truth_path in sorted(root.glob("*/ground-truth/*.json")):
        item = json.loads(truth_path.read_text(encoding="utf-8"))
        html_path = truth_path.parent.parent / "html" / f"{truth_path.stem}.html.gz"
        if not html_path.is_file():
            continue
        raw = gzip.decompress(html_path.read_bytes())
        truth = item.get("ground_truth", {})
        kind = item.get("_internal", {}).get("page_type", {}).get("primary")
        yield Page(
            f"{truth_path.parent.parent.name}/{truth_path.stem}",
            item.get("url"),
            _decode(raw),
            truth.get("main_content") or None,
            is_article=kind == "article",
            title=truth.get("title") or None,
            byline=truth.get("author") or None,
            day=_days(truth.get("publish_date")),
            lang=_lang(raw),
        )


def load_fundus(root: Path) -> Iterator[Page]:
    """Each publisher's ``<Publisher>.json`` holds one expected article per parser version;
    a version belongs to the ``<Publisher>_<date>.html.gz`` page that contains its title."""
    for truth_path in sorted(root.glob("*/*.json")):
        versions = json.loads(truth_path.read_text(encoding="utf-8"))
        raws = {
            path: gzip.decompress(path.read_bytes())
            for path in sorted(truth_path.parent.glob(f"{truth_path.stem}*.html.gz"))
        }
        htmls = {path: _decode(raw) for path, raw in raws.items()}
        for version, item in sorted(versions.items()):
            title = (item.get("title") or "").strip()
            path = next((p for p, h in htmls.items() if title and title[:40] in h), None)
            if path is None:
                continue
            body = item.get("body") or {}
            parts = list(body.get("summary") or [])
            for section in body.get("sections") or []:
                parts += section.get("headline") or []
                parts += section.get("paragraphs") or []
            yield Page(
                f"{truth_path.parent.name}/{truth_path.stem}/{version}",
                None,
                htmls[path],
                "\n\n".join(parts) or None,
                title=title or None,
                byline=", ".join(item.get("authors") or []) or None,
                day=_days(item.get("publishing_date")),
                lang=_lang(raws[path]),
            )


def load_dragnet(root: Path) -> Iterator[Page]:
    for html_path in sorted((root / "HTML").glob("*.html")):
        corrected = root / "Corrected" / f"{html_path.name}.corrected.txt"
        if not corrected.is_file():
            continue
        raw = html_path.read_bytes()
        truth = _decode(corrected.read_bytes())
        parts = _COMMENTS_MARKER_RE.split(truth, maxsplit=1)
        comments = parts[1] if len(parts) > 1 else ""
        yield Page(
            html_path.stem,
            None,
            _decode(raw),
            parts[0],
            comment_snippets=comment_snippets(comments),
            lang=_lang(raw),
        )


_HEADER_TIME_RE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b|\bago\b", re.IGNORECASE)


def comment_snippets(text: str) -> list[str]:
    """The lines of a page's comment text that are comment prose: at least eight words, and not
    a header line ("Posted by: Lee Dilworth | October 09, 2012 at 05:32 AM") under fifteen."""
    snippets = []
    for line in text.splitlines():
        words = len(_TOKEN_RE.findall(line))
        if words >= 8 and not (words < 15 and _HEADER_TIME_RE.search(line)):
            snippets.append(_norm(line))
    return snippets


def mark_snippets(set_name: str, pages: list[Page], annotations: list[Path]) -> None:
    """Attach reader-comment snippets written by reading the pages (a JSON file whose ``pages``
    map ``"<set>:<page name>"`` to ``{"snippets": [...]}``) to the pages they name."""
    marked: dict[str, list[str]] = {}
    for path in annotations:
        for key, item in json.loads(path.read_text(encoding="utf-8"))["pages"].items():
            marked[key] = [_norm(s) for s in item["snippets"] if _norm(s)]
    for page in pages:
        if (snippets := marked.get(f"{set_name}:{page.name}")) is not None:
            page.comment_snippets = snippets


LOADERS: dict[str, Callable[[Path], Iterator[Page]]] = {
    "extraction-dev": load_extraction_dev,
    "readability-dev": load_readability_dev,
    "wceb2025": load_wceb2025,
    "fundus": load_fundus,
    "dragnet": load_dragnet,
}
# Snippets committed with the bench (short lines of WCEB-2025 pages, CC-BY-4.0).
DEFAULT_SNIPPETS: list[Path] = [
    p for p in [REPO / "bench" / "comment_snippets_wceb2025.json"] if p.is_file()
]
DEFAULT_SETS: dict[str, Path] = {
    "extraction-dev": SHARED / "extraction-dev",
    "readability-dev": SHARED / "readability-dev",
}


# --- scoring, as the scrapinghub article-extraction-benchmark defines it ------------------------
def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) over 4-token shingles of one page."""
    t, p = _shingles(true), _shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _f1(m: tuple[float, float, float]) -> float:
    p, r = _precision(*m), _recall(*m)
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(matches: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages, F1 of the two averages (as the benchmark does)."""
    ps = [_precision(*m) for m in matches if m[0] + m[1] > 0]
    rs = [_recall(*m) for m in matches if m[0] + m[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _norm(text: str | None) -> str:
    return " ".join(_TOKEN_RE.findall((text or "").casefold()))


_BYLINE_PREFIX_RE = re.compile(r"^(?:by|par|von|por|di|door|av|af|od|από|написал[аи]?)\s+", re.I)
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)


def byline_names(text: str | None) -> frozenset[str]:
    """The set of names in a byline: "By Jane Doe and John Roe" -> {jane doe, john roe}."""
    if not text:
        return frozenset()
    text = _BYLINE_PREFIX_RE.sub("", " ".join(text.split()))
    return frozenset(n for part in _NAME_SPLIT_RE.split(text) if (n := _norm(part)))


# --- extractors ---------------------------------------------------------------------------------
@dataclass(slots=True)
class Result:
    """What one extractor gave for one page."""

    body: str = ""
    title: str | None = None
    byline: str | None = None
    day: str | None = None
    comments: str = ""  # every comment body, joined
    comment_rows: int = 0  # separate comment records (trafilatura gives one text, no rows)
    seconds: float = 0.0
    loaded: bool = True  # False where the page is judged not an article: no `articles` row


def scored_body(page: Page, got: Result) -> str:
    """The body a user meets: an article page judged not an article gets no `articles` row in
    the warehouse (nor in `corpus parse`), so its body counts as empty."""
    return got.body if got.loaded or not page.is_article else ""


def ours(page: Page) -> Result:
    got = extract_html(page.html, url=page.url)
    return Result(
        body="\n\n".join(got.paragraphs),
        loaded=got.page_kind.loads,
        title=got.title,
        byline=got.byline,
        day=got.published_at.date().isoformat() if got.published_at else None,
        # A comment row's author and time are part of what it found (trafilatura's comment
        # text holds the names and times the page prints as well).
        comments="\n".join(
            f"{c.author_label or ''} {c.author} {c.posted_text or ''}\n{c.body}"
            for c in got.comments
        ),
        comment_rows=len(got.comments),
    )


def trafilatura_result(page: Page) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(
        page.html, url=page.url, include_comments=True, with_metadata=True
    )
    if doc is None:
        return Result()
    return Result(
        body=getattr(doc, "text", None) or "",
        title=getattr(doc, "title", None),
        byline=(getattr(doc, "author", None) or "").replace(";", ",") or None,
        day=(getattr(doc, "date", None) or "")[:10] or None,
        comments=getattr(doc, "comments", None) or "",
    )


def have_trafilatura() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura not installed (./scripts/bootstrap): its rows are left out")
        return False
    return True


EXTRACTORS: dict[str, Callable[[Page], Result]] = {
    "this project": ours,
    "trafilatura": trafilatura_result,
}


def run(extract: Callable[[Page], Result], pages: list[Page]) -> list[Result]:
    """Every page through one extractor; CPU seconds per page (other jobs do not count)."""
    extract(pages[0])  # warm-up: imports, compiled selectors
    results = []
    for page in pages:
        start = time.process_time()
        result = extract(page)
        result.seconds = time.process_time() - start
        results.append(result)
    return results


METADATA_FIELDS = ("title", "byline", "day")


def metadata_right(name: str, page: Page, got: Result) -> bool | None:
    """Whether one metadata field is right; None when the set does not know it for the page."""
    if name == "title":
        return (
            " ".join(page.title.split()) == " ".join((got.title or "").split())
            if page.title
            else None
        )
    if name == "byline":
        want = byline_names(page.byline)
        return want == byline_names(got.byline) if want else None
    return got.day in page.day if page.day else None


def _cache_key(set_name: str, page: Page) -> str:
    digest = hashlib.sha256(page.html.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{set_name}/{page.name}/{digest}"


def run_cached(
    extract: Callable[[Page], Result], set_name: str, pages: list[Page], cache: Path
) -> list[Result]:
    """Like ``run``, but readings (and their CPU seconds) stored in ``cache`` by an earlier run
    of the same extractor version are reused: trafilatura's code does not change between our
    runs, and it is the slower half of the bench."""
    import trafilatura

    stored: dict[str, dict[str, object]] = {}
    if cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("version") == trafilatura.__version__:
            stored = data["results"]
    keys = [_cache_key(set_name, p) for p in pages]
    missing = [p for p, k in zip(pages, keys, strict=True) if k not in stored]
    if missing:
        for page, result in zip(missing, run(extract, missing), strict=True):
            stored[_cache_key(set_name, page)] = {
                f: getattr(result, f) for f in Result.__dataclass_fields__
            }
        payload = {"version": trafilatura.__version__, "results": stored}
        cache.write_text(json.dumps(payload), encoding="utf-8")
    return [Result(**stored[k]) for k in keys]  # type: ignore[arg-type]


# --- the report ---------------------------------------------------------------------------------
@dataclass(slots=True)
class Scores:
    """Figures of one extractor on one group of pages."""

    pages: int = 0
    matches: list[tuple[float, float, float]] = field(default_factory=list)
    empty: int = 0  # article pages with an empty body
    articles: int = 0
    title: list[bool] = field(default_factory=list)
    byline: list[bool] = field(default_factory=list)
    day: list[bool] = field(default_factory=list)
    comment_rows: int = 0
    pages_with_comments: int = 0
    snippets: int = 0
    snippets_found: int = 0
    seconds: float = 0.0

    def add(self, page: Page, got: Result) -> None:
        self.pages += 1
        self.seconds += got.seconds
        body = scored_body(page, got)
        if page.body is not None:
            self.matches.append(shingle_match(page.body, body))
        if page.is_article and page.body and _TOKEN_RE.search(page.body):
            self.articles += 1
            self.empty += not _TOKEN_RE.search(body)
        for name in METADATA_FIELDS:
            if (right := metadata_right(name, page, got)) is not None:
                getattr(self, name).append(right)
        self.comment_rows += got.comment_rows
        self.pages_with_comments += bool(got.comment_rows or got.comments.strip())
        if page.comment_snippets:
            found = _norm(got.comments)
            self.snippets += len(page.comment_snippets)
            self.snippets_found += sum(s in found for s in page.comment_snippets)


def _rate(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({len(values)})" if values else "-"


HEADER = (
    f"{'set':<16} {'half':<6} {'extractor':<12} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} "
    f"{'empty':>7} {'title':>11} {'byline':>11} {'day':>11} {'comments':>9} {'snippets':>12} "
    f"{'pages/s':>8}"
)


def row(set_name: str, half: str, name: str, s: Scores) -> str:
    p, r, f1 = prf(s.matches) if s.matches else (0.0, 0.0, 0.0)
    body = f"{p:>6.3f} {r:>6.3f} {f1:>6.3f}" if s.matches else f"{'-':>6} {'-':>6} {'-':>6}"
    snippets = f"{s.snippets_found / s.snippets:.3f} ({s.snippets})" if s.snippets else "-"
    comments = f"{s.comment_rows}" if name == "this project" else f"({s.pages_with_comments}p)"
    speed = s.pages / s.seconds if s.seconds else 0.0
    return (
        f"{set_name:<16} {half:<6} {name:<12} {s.pages:>5} {body} {s.empty:>3}/{s.articles:<3} "
        f"{_rate(s.title):>11} {_rate(s.byline):>11} {_rate(s.day):>11} {comments:>9} "
        f"{snippets:>12} {speed:>8.1f}"
    )


def report(
    set_name: str, pages: list[Page], results: dict[str, list[Result]], english: bool
) -> dict[tuple[str, str], Scores]:
    """Print the rows of one set; return its scores per (half, extractor)."""
    scores: dict[tuple[str, str], Scores] = {}
    for half in (*HALVES, "all"):
        for name, got in results.items():
            s = Scores()
            for page, result in zip(pages, got, strict=True):
                if half in ("all", page.half):
                    s.add(page, result)
            scores[half, name] = s
            print(row(set_name, half, name, s))
        if english:
            for name, got in results.items():
                s = Scores()
                for page, result in zip(pages, got, strict=True):
                    if half in ("all", page.half) and page.lang == "en":
                        s.add(page, result)
                print(row(set_name, half + "/en", name, s))
    return scores


def worst(pages: list[Page], results: list[Result], count: int) -> None:
    """The tuned pages where our body scores worst (unseen pages are never listed)."""
    scored = [
        (_f1(shingle_match(p.body, scored_body(p, r))), p, r)
        for p, r in zip(pages, results, strict=True)
        if p.half == "tuned" and p.body is not None
    ]
    for f1, page, result in sorted(scored, key=lambda x: x[0])[:count]:
        m = shingle_match(page.body or "", result.body)
        print(
            f"   {page.name[:40]:<40} F1={f1:.2f} P={_precision(*m):.2f} R={_recall(*m):.2f} "
            f"words={len(_TOKEN_RE.findall(result.body))} {page.url or ''}"
        )


def metadata_misses(
    pages: list[Page], results: list[Result], fields: list[str], limit: int
) -> None:
    """Our metadata misses on *tuned* pages (unseen pages are never listed): truth, then ours."""
    for name in fields:
        shown = 0
        for page, got in zip(pages, results, strict=True):
            if page.half != "tuned" or shown >= limit:
                continue
            if metadata_right(name, page, got) is False:
                shown += 1
                want = sorted(page.day or []) if name == "day" else getattr(page, name)
                print(f"   {name} miss {page.name[:50]}: want {want!r} got {getattr(got, name)!r}")


def versus(pages: list[Page], results: dict[str, list[Result]], count: int) -> None:
    """The tuned pages where our body F1 falls furthest below trafilatura's, and tuned article
    pages whose body we give empty."""
    rows = []
    for page, mine, theirs in zip(
        pages, results["this project"], results["trafilatura"], strict=True
    ):
        if page.half != "tuned" or page.body is None:
            continue
        a = _f1(shingle_match(page.body, scored_body(page, mine)))
        b = _f1(shingle_match(page.body, theirs.body))
        empty = page.is_article and not _TOKEN_RE.search(scored_body(page, mine))
        rows.append((a - b if not empty else -2.0, a, b, page, mine))
    for _gap, a, b, page, mine in sorted(rows, key=lambda x: x[0])[:count]:
        m = shingle_match(page.body or "", mine.body)
        print(
            f"   {page.name[:44]:<44} ours={a:.2f} traf={b:.2f} P={_precision(*m):.2f} "
            f"R={_recall(*m):.2f} words={len(_TOKEN_RE.findall(mine.body))} {page.url or ''}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=list(EXTRACTORS), action="append")
    parser.add_argument("--set", action="append", choices=list(LOADERS), help="sets to run")
    parser.add_argument("--wceb2025", type=Path, help="checkout of the WCEB-2025 benchmark")
    parser.add_argument("--fundus", type=Path, help="fundus tests/resources/parser/test_data")
    parser.add_argument("--dragnet", type=Path, help="folder with dragnet HTML/ and Corrected/")
    parser.add_argument(
        "--comment-snippets",
        type=Path,
        action="append",
        default=[],
        help="JSON file of reader-comment snippets for pages of the sets (repeatable)",
    )
    parser.add_argument("--worst", type=int, default=0, help="list our N worst tuned pages")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set")
    parser.add_argument(
        "--misses",
        action="append",
        choices=METADATA_FIELDS,
        help="list our misses of this metadata field on tuned pages (repeatable)",
    )
    parser.add_argument("--misses-limit", type=int, default=200, help="misses listed per field")
    parser.add_argument(
        "--versus",
        type=int,
        default=0,
        help="list the N tuned pages where our body F1 is furthest below trafilatura's",
    )
    parser.add_argument(
        "--trafilatura-cache",
        type=Path,
        help="JSON file (outside the repository) keeping trafilatura's readings between runs",
    )
    args = parser.parse_args()

    names = args.only or list(EXTRACTORS)
    if "trafilatura" in names and not have_trafilatura():
        names = [n for n in names if n != "trafilatura"]
    folders = dict(DEFAULT_SETS)
    if args.wceb2025:
        folders["wceb2025"] = args.wceb2025
    if args.fundus:
        folders["fundus"] = args.fundus
    if args.dragnet:
        folders["dragnet"] = args.dragnet
    chosen = args.set or list(folders)

    print("Body P/R/F1: 4-token shingles; empty: article pages with an empty body or not loaded")
    print("as an article (the warehouse drops those); title, byline, day: share right (pages the")
    print("set knows it for); comments: our rows (trafilatura: pages")
    print("with comment text); snippets: reader-comment lines found in the comments; pages/s:")
    print("CPU time of this process, one core, both extractors in this process one after another.")
    print(HEADER)
    totals: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for set_name in chosen:
        folder = folders.get(set_name)
        if folder is None or not folder.is_dir():
            print(f"{set_name}: skipped, {folder or 'no folder given'} not found")
            continue
        pages = list(LOADERS[set_name](folder))
        if args.limit:
            pages = pages[: args.limit]
        mark_snippets(set_name, pages, [*DEFAULT_SNIPPETS, *args.comment_snippets])
        results = {
            name: run_cached(EXTRACTORS[name], set_name, pages, args.trafilatura_cache)
            if name == "trafilatura" and args.trafilatura_cache
            else run(EXTRACTORS[name], pages)
            for name in names
        }
        marked = any(p.comment_snippets for p in pages)
        scores = report(set_name, pages, results, english=set_name == "dragnet" or marked)
        for (half, name), s in scores.items():
            totals.setdefault((half, name), []).extend(s.matches)
        if args.worst and "this project" in results:
            worst(pages, results["this project"], args.worst)
        if args.misses and "this project" in results:
            metadata_misses(pages, results["this project"], args.misses, args.misses_limit)
        if args.versus and {"this project", "trafilatura"} <= results.keys():
            versus(pages, results, args.versus)
    print()
    print("Body F1 over every page of the sets above (pages weigh equally):")
    for (half, name), matches in totals.items():
        if matches:
            print(f"  {half:<6} {name:<12} F1 {prf(matches)[2]:.3f} ({len(matches)} pages)")


if __name__ == "__main__":
    main()
