"""Turn what a dialect read off a page into the contract's records: ids, quotes, time windows,
duplicate marks and threading."""

from __future__ import annotations

from collections import Counter
from typing import cast, get_args

from extraction.content import Page, PageContent, RawComment
from extraction.ids import article_id, folded_comment_id, quote_id, site_of
from extraction.quotes import extract_quotes
from extraction.records import NOT_AN_ARTICLE, Article, ArticleKind, Comment, Quote
from extraction.textnorm import fold, word_count
from extraction.timeago import age_window


class ExtractionError(ValueError):
    """A page that cannot become an article; `kind` is the ingest_errors.error_kind."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _count(value: int | None, bits: int) -> int | None:
    """A count the page states, if its column (INTEGER, BIGINT) can hold it: "2147500000
    comments" is no real count, and must not stop the file from being stored."""
    return value if value is None or 0 <= value < 2**bits else None


def not_an_article(content: PageContent) -> ExtractionError:
    """The error that records a page read whole and left out of `articles`, saying its kind
    (the first word of the message) and why."""
    verdict = content.page_kind
    title = content.title or ""
    named = f" “{title[:77] + '…' if len(title) > 80 else title}”" if title else ""
    return ExtractionError(
        NOT_AN_ARTICLE, f"{verdict.kind} page{named}: {verdict.reason}; not loaded into articles"
    )


def _article_kind(content: PageContent) -> ArticleKind:
    kind = content.page_kind.kind
    if kind not in get_args(ArticleKind):
        raise not_an_article(content)  # a kind that loads must have a place in `articles`
    return cast(ArticleKind, kind)


def _article(page: Page, content: PageContent, body_text: str) -> Article:
    title = content.title
    if not title:
        raise ExtractionError(
            "no_title", "no title line found: the page has no text before its body"
        )
    url = page.url or content.url
    site = page.site or content.site or site_of(url)
    return Article(
        article_id=article_id(url, site, title),
        url=url,
        site=site,
        title=title,
        byline=page.byline or content.byline,
        published_at=page.published_at or content.published_at,
        captured_at=page.captured_at,
        captured_at_source=page.captured_at_source,
        body_text=body_text,
        paragraph_count=len(content.paragraphs),
        word_count=word_count(body_text),
        photo_credit=content.photo_credit,
        declared_comment_count=_count(content.declared_comment_count, 31),
        petition_signatures=_count(content.petition_signatures, 63),
        source_path=page.source_path,
        source_format=page.source_format,
        source_sha256=page.source_sha256,
        page_kind=_article_kind(content),
        petition_target=content.petition_target,
    )


def _quotes(article: Article, content: PageContent) -> list[Quote]:
    seen: Counter[str] = Counter()
    quotes = []
    for position, span in enumerate(
        extract_quotes(content.paragraphs, content.blockquote_paragraphs), start=1
    ):
        seen[fold(span.text)] += 1
        quotes.append(
            Quote(
                quote_id=quote_id(article.article_id, span.text, seen[fold(span.text)]),
                article_id=article.article_id,
                position=position,
                text=span.text,
                speaker=span.speaker,
                speaker_mention=span.speaker_mention,
                verb=span.verb,
                outlet=span.outlet,
                kind=span.kind,
            )
        )
    return quotes


def _comments(article: Article, raw: tuple[RawComment, ...]) -> list[Comment]:
    occurrences: Counter[tuple[str, str]] = Counter()
    first_of: dict[tuple[str, str], str] = {}
    ids: list[str] = []
    keys = [(fold(item.author), fold(item.body)) for item in raw]  # folded once, used twice
    for key in keys:
        occurrences[key] += 1
        ids.append(folded_comment_id(article.article_id, key, occurrences[key]))
    comments = []
    for position, (item, cid, key) in enumerate(zip(raw, ids, keys, strict=True), start=1):
        original = first_of.setdefault(key, cid)
        earliest = latest = item.posted_at
        if earliest is None and item.posted_text and (window := age_window(item.posted_text)):
            earliest, latest = window.posted_between(article.captured_at)
        parent = item.parent_index
        comments.append(
            Comment(
                comment_id=cid,
                article_id=article.article_id,
                position=position,
                author=item.author,
                author_label=item.author_label,
                posted_text=item.posted_text,
                posted_at_earliest=earliest,
                posted_at_latest=latest,
                body=item.body,
                is_duplicate=original != cid,
                duplicate_of=original if original != cid else None,
                parent_comment_id=ids[parent]
                if parent is not None and 0 <= parent < len(ids)
                else None,
                word_count=word_count(item.body),
            )
        )
    return comments


def assemble(page: Page, content: PageContent) -> tuple[Article, list[Quote], list[Comment]]:
    """The page's records; raises ExtractionError for a page that cannot or must not become an
    article (no title; a listing, profile or other page that is not an article)."""
    if not content.page_kind.loads:
        raise not_an_article(content)
    body_text = "\n\n".join(content.paragraphs)
    article = _article(page, content, body_text)
    return article, _quotes(article, content), _comments(article, content.comments)
