"""The synthetic corpus as data: articles, their captures and their comments, drawn from a seeded
random source with realistic shapes (heavy-tailed comment counts, power-law commenters, double
posts, re-captures). Rendering to bytes lives in `synth.render`; nothing here touches disk."""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from synth import vocab

SITES: tuple[tuple[str, str, float], ...] = (
    # (site, url prefix, share of articles)
    ("care2.com", "https://www.care2.com/causes/", 0.8),
    ("petitions.care2.com", "https://petitions.care2.com/stories/", 0.2),
)
MAX_COMMENTS = 5000  # the longest comment section a page shows
EPOCH = datetime(2017, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Commenter:
    label: str  # the name line above a comment ("Veronica Danie", cut at 14 characters)
    display: str  # the short name glued to the time ("Veronica D")


@dataclass(frozen=True, slots=True)
class SynthComment:
    commenter: Commenter
    paragraphs: tuple[str, ...]  # as written, NBSP included
    posted_at: datetime
    parent: int | None  # index of the comment replied to, in display order


@dataclass(frozen=True, slots=True)
class Block:
    """One body block of the text layout; `kind` says how the page shows it."""

    kind: str  # "para", "leadin", "blockquote", "furniture", "petition"
    text: str


@dataclass(frozen=True, slots=True)
class SynthArticle:
    index: int
    site: str
    url: str
    title: str
    byline: str | None
    published_at: datetime
    blocks: tuple[Block, ...]
    petition_signatures: int | None
    photo_credit: str | None
    comments: tuple[SynthComment, ...]  # newest capture's comments, in display order
    declared_extra: int  # declared count = shown comments + this


@dataclass(frozen=True, slots=True)
class Capture:
    """One page capture of an article: the comments shown are those posted before `captured_at`."""

    article: SynthArticle
    captured_at: datetime
    shown: int  # how many comments (a suffix of the display list: older ones are further down)
    fmt: str
    sidecar: bool
    copy: int  # 0 for the original file, 1 for a byte-identical duplicate dump elsewhere

    @property
    def comments(self) -> tuple[SynthComment, ...]:
        all_comments = self.article.comments
        return all_comments[len(all_comments) - self.shown :]

    @property
    def declared(self) -> int:
        return self.shown + self.article.declared_extra


@cache
def commenter_pool(seed: int, size: int) -> tuple[tuple[Commenter, ...], tuple[float, ...]]:
    """Commenters and the cumulative weights of a Zipf law (s = 1.1): a few people write most."""
    rng = random.Random(f"commenters:{seed}")
    people: list[Commenter] = []
    for _ in range(size):
        first = rng.choice(vocab.FIRST_NAMES)
        last = rng.choice(vocab.LAST_NAMES)
        if rng.random() < 0.08:
            first, last = first.upper(), last.upper()
        full = f"{first} {last}"
        if rng.random() < 0.1:  # some members show a single name
            people.append(Commenter(first, first))
        else:
            people.append(Commenter(full[:14].rstrip(), f"{first} {last[0]}"))
    cumulative: list[float] = []
    total = 0.0
    for rank in range(1, size + 1):
        total += 1.0 / rank**1.1
        cumulative.append(total)
    return tuple(people), tuple(cumulative)


def comment_count(rng: random.Random) -> int:
    """Heavy-tailed: most pages show a handful, one in ten a Pareto tail reaching thousands."""
    if rng.random() < 0.9:
        return min(MAX_COMMENTS, int(rng.lognormvariate(1.3, 1.0)))
    return min(MAX_COMMENTS, int(20 * (1.0 - rng.random()) ** (-1 / 1.1)))


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(vocab.WORDS) for _ in range(words)]
    picked[0] = picked[0].capitalize()
    return " ".join(picked) + rng.choice((".", ".", ".", "!", "?"))


def _with_nbsp(rng: random.Random, text: str) -> str:
    """Real dumps carry NBSP inside sentences and at line ends; the parser reads them as spaces."""
    if rng.random() < 0.3:
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        if spaces:
            at = rng.choice(spaces)
            text = text[:at] + "\u00a0" + text[at + 1 :]
    if rng.random() < 0.1:
        text += "\u00a0"
    return text


def _paragraph(rng: random.Random) -> str:
    return _with_nbsp(
        rng, " ".join(_sentence(rng, rng.randint(6, 22)) for _ in range(rng.randint(2, 5)))
    )


def _comment_paragraphs(rng: random.Random) -> tuple[str, ...]:
    if rng.random() < 0.35:
        return (rng.choice(vocab.SHORT_COMMENTS),)
    count = 1 if rng.random() < 0.8 else rng.randint(2, 3)
    return tuple(_with_nbsp(rng, _sentence(rng, rng.randint(3, 30))) for _ in range(count))


def _quote_blocks(rng: random.Random, person: str, pronoun: str) -> list[Block]:
    """An outlet lead-in and a quoted paragraph, or speech attributed by name then by pronoun."""
    said = rng.choice(vocab.SPEECH_VERBS)
    if rng.random() < 0.5:
        outlet = rng.choice(vocab.OUTLETS)
        verb = rng.choice(("reports", "recounts", "explains", "writes"))
        return [
            Block("leadin", f"{outlet} {verb}:"),
            Block("blockquote", f"“{_sentence(rng, rng.randint(8, 20))}” {pronoun} {said}."),
        ]
    return [
        Block("para", f"“{_sentence(rng, rng.randint(6, 16))[:-1]},” {person} {said}."),
        Block("para", f"“{_sentence(rng, rng.randint(6, 16))}” {pronoun} added."),
    ]


def _petition(rng: random.Random) -> tuple[str, int]:
    count = rng.choice((rng.randint(1, 999), rng.randint(1000, 250_000)))
    lead = rng.choice(("Over", "More than", "Nearly", "Almost", "About"))
    if count >= 1000 and rng.random() < 0.2:
        thousands = count // 1000
        text = f"{lead} {thousands}k Care2 members have signed this petition. Add your voice today."
        return text, thousands * 1000
    who = rng.choice(("concerned Care2 members", "people", "Care2 activists", "supporters"))
    text = (
        f"{lead} {count:,} {who} have signed this petition calling on "
        f"{rng.choice(vocab.TARGETS)} to act. Add your voice today, and share it."
    )
    return text, count


def _title(rng: random.Random, index: int) -> str:
    # The index makes titles unique, so pages without a URL still get distinct article ids.
    subject = rng.choice(vocab.TITLE_SUBJECTS)
    predicate, place = rng.choice(vocab.TITLE_PREDICATES), rng.choice(vocab.PLACES)
    return f"{subject} {predicate} in {place} ({index + 1})"


def _slug(title: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in title.lower()).split())


def make_article(seed: int, index: int, commenters: int) -> SynthArticle:
    """Article `index` of the corpus; depends only on (seed, index), so shards generate alone."""
    rng = random.Random(f"article:{seed}:{index}")
    people, cumulative = commenter_pool(seed, commenters)
    site, prefix = _pick_site(rng)
    title = _title(rng, index)
    published = EPOCH + timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
    person = rng.choice(vocab.PEOPLE)
    pronoun = rng.choice(("he", "she", "they"))
    blocks: list[Block] = [Block("para", _paragraph(rng)) for _ in range(rng.randint(2, 4))]
    for _ in range(rng.randint(0, 2)):
        blocks += _quote_blocks(rng, person, pronoun)
        blocks += [Block("para", _paragraph(rng)) for _ in range(rng.randint(1, 4))]
    petition: int | None = None
    if rng.random() < 0.6:
        text, petition = _petition(rng)
        blocks += [Block("furniture", "Take Action!"), Block("petition", text)]
    comments: list[SynthComment] = []
    newest = published + timedelta(days=rng.uniform(1, 400))
    for _ in range(comment_count(rng)):
        who = people[bisect.bisect_left(cumulative, rng.random() * cumulative[-1])]
        age = timedelta(seconds=rng.expovariate(1 / (20 * 86400)))
        posted = max(published, newest - age)
        parent = None
        if comments and rng.random() < 0.1:
            parent = rng.randrange(max(0, len(comments) - 5), len(comments))
        body = _comment_paragraphs(rng)
        comments.append(SynthComment(who, body, posted, parent))
        if rng.random() < 0.03:  # a double post: the same member, the same words, again
            for _ in range(rng.choice((1, 1, 2))):
                comments.append(SynthComment(who, body, posted, None))
    return SynthArticle(
        index=index,
        site=site,
        url=f"{prefix}{_slug(title)}.html",
        title=title,
        byline=rng.choice(vocab.AUTHORS) if rng.random() < 0.7 else None,
        published_at=published,
        blocks=tuple(blocks),
        petition_signatures=petition,
        photo_credit=f"{rng.choice(vocab.PHOTOGRAPHERS)} via {rng.choice(vocab.PHOTO_SOURCES)}"
        if rng.random() < 0.8
        else None,
        comments=tuple(comments),
        declared_extra=int(len(comments) * rng.uniform(0.0, 4.0)) + rng.randint(0, 3),
    )


def _pick_site(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    for site, prefix, share in SITES:
        if roll < share:
            return site, prefix
        roll -= share
    return SITES[-1][0], SITES[-1][1]


def captures_of(article: SynthArticle, seed: int, formats: tuple[str, ...]) -> list[Capture]:
    """The newest capture; sometimes an older one with fewer comments, or a duplicate file."""
    rng = random.Random(f"captures:{seed}:{article.index}")
    comments = article.comments
    newest_post = max((c.posted_at for c in comments), default=article.published_at)
    captured = newest_post + timedelta(seconds=rng.randint(60, 90 * 86400))
    # Pages without a sidecar take the file's time; they always show a comment, which marks the page
    # as Care2's (the dialect that knows the site).
    sidecar = not (comments and rng.random() < 0.03)
    fmt = formats[rng.randrange(len(formats))]
    result = [Capture(article, captured, len(comments), fmt, sidecar, 0)]
    if rng.random() < 0.01:
        result.append(Capture(article, captured, len(comments), fmt, sidecar, 1))
    if len(comments) >= 4 and rng.random() < 0.05:
        # Comments are shown newest first; an earlier capture shows the older ones only.
        order = sorted(range(len(comments)), key=lambda i: comments[i].posted_at)
        cut = comments[order[len(order) // 2]].posted_at
        shown = _older_suffix(comments, cut)
        if 0 < shown < len(comments):
            older = comments[len(comments) - shown :]
            at = max(c.posted_at for c in older) + timedelta(seconds=30)
            if at < captured:
                # A page without a URL is known by its site and title: only captures that also
                # lack one (same format, no sidecar) are the same article, so keep the policy.
                older_fmt = formats[rng.randrange(len(formats))] if sidecar else fmt
                result.append(Capture(article, at, shown, older_fmt, sidecar, 0))
    return result


def _older_suffix(comments: tuple[SynthComment, ...], cut: datetime) -> int:
    """Length of the longest display-order suffix posted strictly before `cut`."""
    shown = 0
    for comment in reversed(comments):
        if comment.posted_at >= cut:
            break
        shown += 1
    return shown


def timeago(seconds: float) -> str:
    """jQuery timeago's English wording (suffix "ago"), with JavaScript's Math.round."""

    def jround(x: float) -> int:
        return math.floor(x + 0.5)

    minutes, hours = seconds / 60, seconds / 3600
    days, years = hours / 24, hours / 24 / 365
    if seconds < 45:
        words = "less than a minute"
    elif seconds < 90:
        words = "about a minute"
    elif minutes < 45:
        words = f"{jround(minutes)} minutes"
    elif minutes < 90:
        words = "about an hour"
    elif hours < 24:
        words = f"about {jround(hours)} hours"
    elif hours < 42:
        words = "a day"
    elif days < 30:
        words = f"{jround(days)} days"
    elif days < 45:
        words = "about a month"
    elif days < 365:
        words = f"{jround(days / 30)} months"
    elif years < 1.5:
        words = "about a year"
    else:
        words = f"{jround(years)} years"
    return f"{words} ago"
