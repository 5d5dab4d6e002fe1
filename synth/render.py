"""A capture rendered as a dump: the Care2 text layout, or a WordPress article page in HTML."""

from __future__ import annotations

import json
from html import escape

from synth.model import Capture, SynthComment, timeago


def _iso(capture_time: object) -> str:
    return capture_time.isoformat().replace("+00:00", "Z")  # type: ignore[attr-defined]


def render_text(capture: Capture) -> str:
    """The visible text of the page, as a browser's "save as text" gives it (see the seed dump)."""
    article = capture.article
    out: list[str] = [article.title, ""]
    if article.byline:
        out += [f"Written by {article.byline}", ""]
    for block in article.blocks:
        out += [block.text, ""]
    if article.photo_credit:
        out += [f"Photo credit: {article.photo_credit}.", ""]
    out += [f"{capture.declared:,} comments", ""]
    for comment in capture.comments:
        person = comment.commenter
        ago = timeago((capture.captured_at - comment.posted_at).total_seconds())
        out += [person.label, f"{person.display}{ago}", ""]
        for paragraph in comment.paragraphs:
            out += [paragraph, ""]
        out += ["SEND"]
    return "\n".join(out) + "\n"


def _comment_li(comment: SynthComment, position: int, capture: Capture, children: str) -> str:
    posted = comment.posted_at
    ago = timeago((capture.captured_at - posted).total_seconds())
    body = "".join(f"<p>{escape(p)}</p>" for p in comment.paragraphs)
    replies = f'<ol class="children">{children}</ol>' if children else ""
    return (
        f'<li id="comment-{position}" class="comment">'
        f'<article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{escape(comment.commenter.display)}</b>'
        f' <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><a href="#comment-{position}">'
        f'<time datetime="{_iso(posted)}">{ago}</time></a></div></footer>'
        f'<div class="comment-content">{body}</div>'
        f'<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>'
        f"</article>{replies}</li>"
    )


def render_html(capture: Capture) -> str:
    """A WordPress page: entry content, then `ol.comment-list > li.comment` with nested
    `ol.children` replies, `.comment-author .fn`, `time[datetime]` and `.comment-content`."""
    article = capture.article
    comments = capture.comments
    offset = len(article.comments) - len(comments)
    children: dict[int | None, list[int]] = {}
    for i, comment in enumerate(comments):
        parent = comment.parent - offset if comment.parent is not None else None
        children.setdefault(parent if parent is not None and parent >= 0 else None, []).append(i)

    def thread(index: int) -> str:
        inner = "".join(thread(child) for child in children.get(index, []))
        return _comment_li(comments[index], index + 1, capture, inner)

    body: list[str] = []
    for block in article.blocks:
        text = escape(block.text)
        if block.kind == "blockquote":
            body.append(f"<blockquote><p>{text}</p></blockquote>")
        elif block.kind == "furniture":
            body.append(f'<p class="take-action"><strong>{text}</strong></p>')
        else:
            body.append(f"<p>{text}</p>")
    if article.photo_credit:
        body.append(f'<p class="photo-credit">Photo credit: {escape(article.photo_credit)}.</p>')
    byline = (
        f'<div class="byline">Written by <span class="author vcard"><a class="url fn n">'
        f"{escape(article.byline)}</a></span></div>"
        if article.byline
        else ""
    )
    listing = "".join(thread(i) for i in children.get(None, []))
    return (
        '<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8">'
        f"<title>{escape(article.title)} | Care2 Causes</title>"
        f'<link rel="canonical" href="{escape(article.url)}">'
        f'<meta property="og:site_name" content="Care2">'
        f'<meta property="article:published_time" content="{_iso(article.published_at)}">'
        '</head><body class="single single-post">'
        '<article class="post"><header class="entry-header">'
        f'<h1 class="entry-title">{escape(article.title)}</h1>'
        f"{byline}</header>"
        f'<div class="entry-content">{"".join(body)}</div></article>'
        '<div id="comments" class="comments-area">'
        f'<h2 class="comments-title">{capture.declared:,} comments</h2>'
        f'<ol class="comment-list">{listing}</ol></div>'
        "</body></html>\n"
    )


def sidecar(capture: Capture) -> bytes:
    article = capture.article
    return json.dumps(
        {
            "url": article.url,
            "site": article.site,
            "captured_at": _iso(capture.captured_at),
            "published_at": _iso(article.published_at),
        },
        indent=2,
    ).encode()


def jsonl_record(capture: Capture) -> str:
    """One line of a JSON Lines dump; the page travels as its visible text."""
    article = capture.article
    return json.dumps(
        {
            "url": article.url,
            "site": article.site,
            "captured_at": _iso(capture.captured_at),
            "published_at": _iso(article.published_at),
            "text": render_text(capture),
        },
        ensure_ascii=False,
    )
