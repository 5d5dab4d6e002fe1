"""Page-level patterns shared by every dialect: counts and credits a page states in words."""

from __future__ import annotations

import re

# "57 comments", "1,204 Comments", "1 comment", "Comments (57)", "Comments: 57"
DECLARED_COMMENT_COUNT = re.compile(
    r"^(?:(?P<count>\d[\d,]*)\s+comments?|comments?\s*(?:\((?P<count_after>\d[\d,]*)\)|:\s*(?P<count_colon>\d[\d,]*)))$",
    re.IGNORECASE,
)
# "Over 80,000 concerned Care2 members have signed this petition"
PETITION_SIGNATURES = re.compile(
    r"(?:\b(?:over|more than|nearly|almost|about)\s+)?(?P<count>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?P<thousands>[kK]\b)?(?:\s+[\w’'-]+){0,5}?\s+(?:have|has)\s+(?:already\s+)?signed",
    re.IGNORECASE,
)
# "Photo credit: Warren Wong via Unsplash." / "Image credit: ..." / "Photo: ..."
PHOTO_CREDIT = re.compile(
    r"^(?:photo|image|picture|main image|top image)\s*(?:credit|courtesy)?\s*:"
    r"\s*(?P<credit>.+?)\.?$",
    re.IGNORECASE,
)
# "Written by Jane Doe" / "By Jane Doe" directly under the title
BYLINE = re.compile(r"^(?:written\s+by|by)\s+(?P<name>[^\d].{0,80})$", re.IGNORECASE)
# A dateline under the title: "October 17, 2017", "Oct. 17, 2017", "17 October 2017", "2017-10-17",
# optionally after a weekday and "Published"/"Posted" ("Posted on Tuesday, October 17, 2017").
MONTHS: dict[str, int] = {
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
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_IN_LINE = re.compile(
    rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?,?\s+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})",
    re.IGNORECASE,
)
DATE_LINE = re.compile(
    rf"^(?:(?:published|posted|updated)(?:\s+on)?:?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{DATE_IN_LINE.pattern})$",
    re.IGNORECASE,
)
# "By Jane Doe | October 17, 2017", "Written by Jane Doe on Oct. 17, 2017"
BYLINE_DATE_SEPARATOR = re.compile(r"\s*(?:\||·|•|—|–|-|,|\bon\b)\s*$", re.IGNORECASE)
