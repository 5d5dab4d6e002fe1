"""Page-level patterns shared by every dialect: counts and credits a page states in words."""

from __future__ import annotations

import re

# "57 comments", "1,204 Comments", "1 comment"
DECLARED_COMMENT_COUNT = re.compile(r"^(?P<count>\d[\d,]*)\s+comments?$", re.IGNORECASE)
# "Over 80,000 concerned Care2 members have signed this petition"
PETITION_SIGNATURES = re.compile(
    r"(?:\b(?:over|more than|nearly|almost|about)\s+)?(?P<count>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?P<thousands>[kK]\b)?(?:\s+[\w’'-]+){0,5}?\s+(?:have|has)\s+(?:already\s+)?signed",
    re.IGNORECASE,
)
# "Photo credit: Warren Wong via Unsplash." / "Image credit: ..." / "Photo: ..."
PHOTO_CREDIT = re.compile(
    r"^(?:photo|image|picture|main image|top image)\s*(?:credit|courtesy)?\s*:\s*(?P<credit>.+?)\.?$",
    re.IGNORECASE,
)
# "Written by Jane Doe" / "By Jane Doe" directly under the title
BYLINE = re.compile(r"^(?:written\s+by|by)\s+(?P<name>[^\d].{0,80})$", re.IGNORECASE)
