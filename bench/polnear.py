"""Read PolNeAR (brat standoff + CoreNLP XML) into gold direct quotations with resolved sources.

PolNeAR (networkdynamics/PolNeAR) annotates every attribution in 1,008 US political news
articles as Source / Cue / Content spans. Nothing here is committed text from the corpus: it is
read from a directory given on the command line. Only the `train` and `dev` splits may be read;
`test` is reserved for acceptance and refused (`ReservedSplit`).

Gold quotations: attributions whose content holds a double quotation mark (“ ” „ « » "), in the
article body (the title block before the first blank line is skipped, as the pipeline's quotes
come from body paragraphs). An article annotated by several people is read from its first
annotator in sorted order.

Gold speakers, resolved to a name (documented in docs/quotes.md):
- the source span's own name (CoreNLP NER PERSON, else ORGANIZATION) when the name is its head
  ("Stein spokeswoman Melezia Figueroa" -> Melezia Figueroa, not "Gary Johnson’s doctor");
- else (a pronoun, a surname, a description such as "the mayor") the fullest name in the CoreNLP
  coreference chain of the source; a relative "who" takes the name just before it;
- a pronoun with no named chain falls back to the nearest PERSON name before it;
- a bare surname takes the fullest PERSON name in the article that ends with it;
- otherwise the source is unnamed ("a senior aide") and has no name.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

SPLITS: tuple[str, ...] = ("train", "dev")
RESERVED_SPLITS: tuple[str, ...] = ("test",)
QUOTE_MARK = re.compile(r"[“”„«»\"]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = _words("he she him her his they them their it its i we me us who which that you")
PERSONAL_PRONOUNS = _words("he she him her they them")
RELATIVES = _words("who which that")
# Words a source names a publication by, when the coreference chain has no name ("the newspaper").
OUTLET_NOUNS = _words(
    """newspaper paper outlet network magazine website site publication broadcaster channel
    tabloid daily agency wire"""
)
# Heads of a publication's proper name ("The Boston Globe", "USA Today").
OUTLET_HEADS = _words(
    """Times Post News Journal Herald Gazette Tribune Telegraph Chronicle Examiner Observer
    Guardian Independent Inquirer Standard Mirror Express Courier Star Sun Globe Mail Review
    Magazine Radio TV Daily Weekly Dispatch Record Register Sentinel Reporter Press Wire Monitor
    Today Leader Enquirer Beacon Bee Caller Beast Hill Breitbart Politico PolitiFact Politifact
    Axios Reuters AP Bloomberg CNN MSNBC NPR CBS NBC ABC Fox BBC Vox Slate Salon HuffPost
    Newsweek Time Atlantic Intercept Hedge Blaze Mediaite Gawker BuzzFeed Univision Telemundo
    Yahoo Hannity"""
)
SourceKind = Literal["person", "organisation", "unnamed"]
Spans = tuple[tuple[int, int], ...]


class ReservedSplit(ValueError):
    """Raised for a split kept for acceptance (PolNeAR's `test`)."""


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    start: int
    end: int
    pos: str
    ner: str


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold direct quotation: its content fragments and its source resolved to a name."""

    fragments: tuple[tuple[int, int], ...]  # the quoted words: the parts of the content in marks
    content: tuple[tuple[int, int], ...]  # the whole annotated content
    opens: bool  # the content opens with a quotation mark (a quotation, not a partial quote)
    source: str | None  # as written ("he", "Mr. Obama"); None when the annotators gave none
    kind: SourceKind
    name: str | None  # the person or organisation, fullest form found
    pronoun: bool  # the source as written is a pronoun
    outlet: bool  # the source is a publication ("The Washington Post", "the newspaper")
    source_at: tuple[tuple[int, int], ...] | None = None  # the source span's fragments
    cue_at: tuple[tuple[int, int], ...] | None = None  # the cue span's fragments ("said")

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.fragments)


@dataclass(slots=True)
class Document:
    """One article: its text, its body paragraphs (offsets in the text) and gold quotations."""

    name: str
    text: str
    paragraphs: list[tuple[int, str]]  # (offset in text, paragraph as given to the extractor)
    quotes: list[GoldQuote] = field(default_factory=list)
    # False when the snapshot lacks the article's CoreNLP file (files of 4 MiB and more are not
    # stored): its sources cannot be resolved to names, so it is left out of the speaker figures.
    annotated_names: bool = True


def check_split(split: str) -> None:
    if split in RESERVED_SPLITS:
        raise ReservedSplit(
            f"split {split!r} is reserved for acceptance: it is never read, scored or tuned on"
        )
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (choose from {', '.join(SPLITS)})")


def split_dir(root: Path, split: str) -> Path:
    """The folder of a split: DIR may be the repository, its data/ folder or the split itself."""
    check_split(split)
    for candidate in (root / "data" / split, root / split, root):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            if candidate.name in RESERVED_SPLITS:
                raise ReservedSplit(f"{candidate} is a reserved split")
            return candidate
    raise FileNotFoundError(f"no PolNeAR {split} split under {root}")


def load(root: Path, split: str, limit: int | None = None) -> list[Document]:
    """Every article of a split with its gold quotations."""
    folder = split_dir(root, split)
    annotations: dict[str, list[Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        annotations.setdefault(stem, []).append(path)
    docs: list[Document] = []
    for path in sorted((folder / "text").glob("*.txt"))[:limit]:
        if path.stem not in annotations:
            continue
        text = path.read_text(encoding="utf-8")
        xml = folder / "corenlp" / f"{path.name}.xml"
        tokens, chains = read_corenlp(xml) if xml.exists() else ([], [])
        doc = Document(path.stem, text, body_paragraphs(text), annotated_names=bool(tokens))
        doc.quotes = gold_quotes(text, annotations[path.stem][0], tokens, chains, doc)
        docs.append(doc)
    return docs


def body_paragraphs(text: str) -> list[tuple[int, str]]:
    """Body paragraphs after the title block, one per line, as the pipeline would give them."""
    title_end = text.find("\n\n")
    start = 0 if title_end < 0 else title_end + 2
    out: list[tuple[int, str]] = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        line = match.group(0).replace("\u00a0", " ")
        if line.strip():
            out.append((start + match.start(), line))
    return out


def read_corenlp(path: Path) -> tuple[list[Token], list[list[tuple[int, int]]]]:
    """Tokens with offsets and NER, and coreference chains as lists of token index ranges."""
    tokens: list[Token] = []
    sentence_base: dict[int, int] = {}
    chains: list[list[tuple[int, int]]] = []
    sentence = 0
    mention: dict[str, int] = {}
    chain: list[tuple[int, int]] = []
    depth = 0
    for event, el in ET.iterparse(path, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == "sentence" and el.get("id"):
                sentence = int(el.get("id") or 0)
                sentence_base[sentence] = len(tokens)
            elif tag == "coreference":
                depth += 1
                if depth == 2:
                    chain = []
            continue
        if tag == "token":
            tokens.append(
                Token(
                    el.findtext("word") or "",
                    int(el.findtext("CharacterOffsetBegin") or 0),
                    int(el.findtext("CharacterOffsetEnd") or 0),
                    el.findtext("POS") or "",
                    el.findtext("NER") or "O",
                )
            )
            el.clear()
        elif tag in ("parse", "dependencies"):
            el.clear()
        elif tag == "mention" and depth == 2:
            mention = {k: int(el.findtext(k) or 0) for k in ("sentence", "start", "end")}
            base = sentence_base.get(mention["sentence"], 0)
            chain.append((base + mention["start"] - 1, base + mention["end"] - 1))
        elif tag == "coreference":
            if depth == 2 and chain:
                chains.append(chain)
            depth -= 1
    return tokens, chains


def _fragments(spec: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in spec.split(";")))


def gold_quotes(
    text: str,
    annotation: Path,
    tokens: Sequence[Token],
    chains: Sequence[list[tuple[int, int]]],
    doc: Document,
) -> list[GoldQuote]:
    body_start = doc.paragraphs[0][0] if doc.paragraphs else len(text)
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for line in annotation.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2 and " " in fields[1]:
            tid, middle = fields[0], fields[1]
            label, spec = middle.split(" ", 1)
            spans[tid] = (label, _fragments(spec))
        elif line.startswith("E") and len(fields) == 2:
            events.append(dict(role.split(":", 1) for role in fields[1].split() if ":" in role))
    resolver = _Resolver(text, tokens, chains)
    out: list[GoldQuote] = []
    people: list[tuple[int, str, str | None]] = []  # person sources resolved so far
    attributions: list[tuple[Spans, Spans | None, Spans | None]] = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is not None:
            source = spans.get(event.get("Source", ""))
            cue = spans.get(event.get("Cue", ""))
            attributions.append(
                (content[1], source[1] if source else None, cue[1] if cue else None)
            )
    attributions.sort(key=lambda a: (a[1] or a[0])[0][0])
    for fragments, source, cue in attributions:
        found = resolver.resolve(fragments, source, people)
        if source is not None and found.kind == "person" and found.name is not None:
            written = " ".join(text[s:e] for s, e in source)
            people.append((source[0][0], found.name, _gender(written) or _gender(found.name)))
        if fragments[0][0] < body_start:
            continue
        if not any(QUOTE_MARK.search(text[s:e]) for s, e in fragments):
            continue
        opens = bool(QUOTE_MARK.match(text[fragments[0][0] : fragments[0][1]].lstrip()))
        quoted = marked_parts(text, fragments)
        out.append(replace(found, fragments=quoted, opens=opens, source_at=source, cue_at=cue))
    return sorted(out, key=lambda q: q.fragments[0])


OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"


def marked_parts(text: str, fragments: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The parts of a content that sit inside quotation marks (marks excluded).

    A fragment whose first mark closes was opened before it (a quotation running on from an
    earlier fragment or paragraph); one left open runs to the fragment's end.
    """
    out: list[tuple[int, int]] = []
    for start, end in fragments:
        marks = [i for i in range(start, end) if QUOTE_MARK.match(text[i])]
        if not marks:
            continue
        inside = text[marks[0]] in CLOSING_MARKS
        opened = start
        for i in marks:
            char = text[i]
            closes = char in CLOSING_MARKS or (char == '"' and inside)
            if inside and closes:
                if i > opened:
                    out.append((opened, i))
                inside = False
            elif not inside and not closes:
                inside, opened = True, i + 1
        if inside and end > opened:
            out.append((opened, end))
    return tuple(out) or tuple(fragments)


# A source written as a person's name: capitalised words only, an honorific allowed.
_PROPER_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?[A-Z][a-z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2}$"
)
_HONORIFIC = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Prof|Rev|President|Senator|Governor|"
    r"Secretary|Speaker|Chairman|Judge|Justice)\.?$"
)


class _Resolver:
    """Resolves a source span to the name it stands for (see the module docstring)."""

    def __init__(
        self, text: str, tokens: Sequence[Token], chains: Sequence[list[tuple[int, int]]]
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.chains = chains
        self.starts = [t.start for t in tokens]

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        while first < len(self.tokens) and self.tokens[first].end <= start:
            first += 1
        last = first
        while last < len(self.tokens) and self.tokens[last].start < end:
            last += 1
        return first, last

    def _runs(self, first: int, last: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, NER) of each run of PERSON or ORGANIZATION tokens in [first, last)."""
        i = first
        while i < last:
            ner = self.tokens[i].ner
            if ner in ("PERSON", "ORGANIZATION"):
                j = i + 1
                while (
                    j < last
                    and self.tokens[j].ner == ner
                    and "\n" not in self.text[self.tokens[j - 1].end : self.tokens[j].start]
                ):
                    j += 1
                yield i, j, ner
                i = j
            else:
                i += 1

    def _words(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    def _head_name(self, first: int, last: int) -> tuple[str, str] | None:
        """The name that heads a mention: a PERSON/ORG run not followed by a possessive + noun,
        and before any "of"/"for"/"at" phrase ("a spokesman for Clinton" names nobody)."""
        stop = last
        for i in range(first, last):
            if self.tokens[i].word.lower() in ("for", "of", "at", "from", "with", ",", "who"):
                stop = i
                break
        found: tuple[str, str] | None = None
        for s, e, ner in self._runs(first, stop):
            after = self.tokens[e].word if e < stop else ""
            if after in ("'s", "’s", "'", "’") and e + 1 < stop:
                continue  # "Gary Johnson’s doctor"
            if e < stop and self.tokens[e].pos.startswith("NN") and ner == "PERSON":
                continue  # "the Trump campaign": the name is a modifier
            found = (self._words(s, e), ner)
        return found

    def _chain_name(self, first: int, last: int) -> tuple[str, str] | None:
        """The fullest PERSON (else ORGANIZATION) head name in a mention's coreference chain."""
        for chain in self.chains:
            if not any(s <= first < e or first <= s < last for s, e in chain):
                continue
            names = [n for s, e in chain if (n := self._head_name(s, e)) is not None]
            people = [n for n in names if n[1] == "PERSON"]
            pool = people or names
            if pool:
                return max(pool, key=lambda n: (len(n[0].split()), len(n[0])))
        return None

    def _fullest(self, surname: str) -> str | None:
        """The fullest PERSON name in the article ending with `surname`."""
        best: str | None = None
        for s, e, ner in self._runs(0, len(self.tokens)):
            if ner != "PERSON":
                continue
            words = self._words(s, e)
            if _last(words) == _last(surname) and (best is None or len(words) > len(best)):
                best = words
        return best

    def _pronoun_name(
        self,
        pronoun: str,
        first: int,
        last: int,
        at: int,
        earlier: Sequence[tuple[int, str, str | None]],
    ) -> tuple[str, str] | None:
        """The person a pronoun source stands for: the fullest PERSON name of its CoreNLP
        coreference chain when that name's gender fits the pronoun, else the nearest earlier
        annotated source of the pronoun's gender. "they" takes its chain's name or nobody."""
        chained = self._chain_name(first, last)
        if pronoun in ("they", "them"):
            return chained
        if chained is not None and chained[1] == "PERSON":
            wanted = _PRONOUN_GENDER.get(pronoun)
            gender = _gender(chained[0])
            if wanted is None or gender is None or gender == wanted:
                return chained
        return _earlier_source(pronoun, at, earlier)

    def _nearest_person(self, before: int) -> str | None:
        found: str | None = None
        for s, e, ner in self._runs(0, before):
            if ner == "PERSON":
                found = self._words(s, e)
        return found

    def resolve(
        self,
        fragments: tuple[tuple[int, int], ...],
        source: tuple[tuple[int, int], ...] | None,
        earlier: Sequence[tuple[int, str, str | None]] = (),
    ) -> GoldQuote:
        if source is None:
            return GoldQuote(fragments, fragments, False, None, "unnamed", None, False, False)
        written = " ".join(self.text[s:e] for s, e in source).strip()
        first, last = self._token_range(source[0][0], source[-1][1])
        lowered = written.lower().strip(" ,")
        pronoun = lowered in PRONOUNS
        named: tuple[str, str] | None = None
        if not self.tokens:
            named = None
        elif lowered in RELATIVES:
            named = self._head_name(max(0, first - 8), first)
        elif lowered in PERSONAL_PRONOUNS:
            named = self._pronoun_name(lowered, first, last, source[0][0], earlier)
        elif not pronoun:
            named = self._head_name(first, last)
        if named is None or (named[1] == "PERSON" and len(named[0].split()) == 1):
            chained = self._chain_name(first, last) if self.tokens else None
            if chained is not None and (named is None or _last(chained[0]) == _last(named[0])):
                named = chained
        if named is None and lowered in ("he", "she", "him", "her") and self.tokens:
            nearest = self._nearest_person(first)
            named = (nearest, "PERSON") if nearest else None
        if named is None and _PROPER_NAME.match(written):
            # A source written as a proper name that CoreNLP tagged as nothing ("Pence said").
            named = (written, "PERSON")
        if named is not None and named[1] == "PERSON" and len(named[0].split()) == 1:
            named = (self._fullest(named[0]) or named[0], "PERSON")
        head = lowered.split()[-1] if lowered.split() else ""
        if named is None:
            outlet = head in OUTLET_NOUNS
            return GoldQuote(fragments, fragments, False, written, "unnamed", None, pronoun, outlet)
        kind: SourceKind = "person" if named[1] == "PERSON" else "organisation"
        outlet = kind == "organisation" and (
            head in OUTLET_NOUNS or _last(named[0]) in {w.lower() for w in OUTLET_HEADS}
        )
        return GoldQuote(fragments, fragments, False, written, kind, named[0], pronoun, outlet)


# Gender a pronoun demands; gender-guesser (a dependency of the extractor) reads first names.
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
PRONOUN_REACH = 3000  # characters back to look for an annotated source a pronoun refers to


@lru_cache(maxsize=1)
def _detector() -> Any:
    # gender-guesser's own reader: the gold does not lean on the code it scores.
    import gender_guesser.detector as gender_detector

    return gender_detector.Detector(case_sensitive=False)


def guess(first_name: str) -> str:
    answer: str = _detector().get_gender(first_name)
    return answer


def _gender(name: str) -> str | None:
    words = [w.strip(".").lower() for w in name.split()]
    if words and words[0] in _HONORIFIC_GENDER:
        return _HONORIFIC_GENDER[words[0]]
    answer = guess(name.split()[0]) if len(words) > 1 else "unknown"
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(answer)


def _earlier_source(
    pronoun: str, at: int, earlier: Sequence[tuple[int, str, str | None]]
) -> tuple[str, str] | None:
    """The person an annotated pronoun source stands for: the nearest earlier annotated source
    (of any attribution) naming a person of the pronoun's gender, within PRONOUN_REACH.

    `earlier` holds (offset, full name, gender) of the person sources resolved so far.
    """
    wanted = _PRONOUN_GENDER.get(pronoun)
    for offset, name, gender in reversed(earlier):
        if offset < at - PRONOUN_REACH:
            break
        if offset < at and (wanted is None or gender is None or gender == wanted):
            return name, "PERSON"
    return None


# A sentence boundary in the narration between a source and its quotation.
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s+(?=[A-Z“\"])")


def clause_shape(text: str, gold: GoldQuote) -> str:
    """Where the gold source sits relative to its quotation, as a reporting-clause shape.

    "after: subject verb" ("…,” she said), "after: verb subject" ("…,” said X), "before"
    (X said: “…”), "before: partial" (X said the plan was “…”), "according to", "split" (the
    source between two parts), "previous sentence", "next sentence", "other paragraph", "none".
    """
    if gold.source_at is None:
        return "none"
    q_start, q_end = gold.fragments[0][0], gold.fragments[-1][1]
    s_start, s_end = gold.source_at[0][0], gold.source_at[-1][1]
    cue = " ".join(text[a:b] for a, b in gold.cue_at or ()).lower()
    low, high = (s_end, q_start) if s_end <= q_start else (q_end, s_start)
    gap = text[min(low, high) : max(low, high)]
    if "\n" in gap:
        return "other paragraph"
    if q_start < s_start < q_end:
        return "split"
    closes_sentence = text[q_end - 1 : q_end] == "." and _SENTENCE_END.match(text, q_end - 1)
    if _SENTENCE_END.search(gap) or (s_start >= q_end and closes_sentence):
        return "previous sentence" if s_end <= q_start else "next sentence"
    if "according" in cue:
        return "according to"
    if s_start >= q_end:
        cue_at = gold.cue_at[0][0] if gold.cue_at else s_end
        return "after: verb subject" if cue_at < s_start else "after: subject verb"
    return "before" if gold.opens else "before: partial"


def _last(name: str) -> str:
    words = [w for w in re.split(r"[\s\u00a0]+", name.strip()) if w]
    return words[-1].lower().strip(".,’'") if words else ""


def name_tokens(name: str) -> list[str]:
    """A name's words for comparison: lower case, without honorifics, possessives and party tags."""
    cleaned = re.sub(r"\([^)]*\)|,\s*[RDI]-[\w. ]+,?", " ", name)
    words = [w.strip(".,;:’'\"") for w in re.split(r"[\s\u00a0]+", cleaned)]
    words = [re.sub(r"(?:’s|'s)$", "", w) for w in words if w]
    words = [w for w in words if w and not _HONORIFIC.match(w)]
    if words and words[0].lower() == "the":
        words = words[1:]
    elif words and re.fullmatch(r"The[A-Z]\w+", words[0]):
        words[0] = words[0][3:]  # a publication's fused article: "TheBlaze" = "The Blaze"
    return [w.lower() for w in words if w.lower() not in ("jr", "sr", "ii", "iii")]


def same_name(predicted: str | None, gold: str | None) -> bool:
    """Whether two names name the same person (or organisation) at name level.

    The last words agree, and where both give more, the shorter name's first word is among the
    longer one's: "Clinton" = "Hillary Clinton" = "Mrs. Clinton" = "Hillary Rodham Clinton",
    "Bill Clinton" != "Hillary Clinton".
    """
    if predicted is None or gold is None:
        return False
    a, b = name_tokens(predicted), name_tokens(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    if a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    # First names agree; a leading title on either side is no first name ("Assemblywoman
    # Claudia Tenney" = "Claudia Tenney"); an initial agrees with its name ("J. Smith").
    shorter, longer = sorted((a, b), key=len)
    return shorter[0] in longer[:-1] or (len(shorter[0]) <= 2 and shorter[0][0] == longer[0][0])
