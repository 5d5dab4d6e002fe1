"""FluxBB and PunBB forum topics (the Arch Linux forums and many others): `div.blockpost`, the
name in the profile's `dt`, the time as the text of the permalink in the post's `h2` (the
forum's local time, no zone), the text in `.postmsg` (its signature and "Last edited by" note
left out)."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect, Thread
from extraction.html.flatten import paragraphs_of
from extraction.html.tree import Element


class FluxBB(Dialect):
    """A FluxBB/PunBB topic: the first post opens it, the others reply in order."""

    name: ClassVar[str] = "fluxbb"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("div.blockpost .postmsg",)
    markers: ClassVar[tuple[str, ...]] = ("blockpost",)
    comment_section: ClassVar[tuple[str, ...]] = ("body",)
    opening_post_is_body: ClassVar[bool] = True
    comment: ClassVar[str] = "div.blockpost"
    author: ClassVar[tuple[str, ...]] = (".postleft dt strong", ".postleft dt a", ".postleft dt")
    time: ClassVar[tuple[str, ...]] = ("h2 a",)
    text: ClassVar[tuple[str, ...]] = (".postright .postmsg",)
    text_buttons: ClassVar[tuple[str, ...]] = (".postedit",)
    # The profile's <dl> (title, registered, posts) is no comment of its own.
    join_definition_pairs: ClassVar[bool] = False

    def comment_body(self, item: Element, thread: Thread) -> str:
        # The signature is a second `.postmsg` (`div.postsignature.postmsg`) after the text.
        parts = self.own_all(item, self.text, thread)
        kept = [el for el in parts if "postsignature" not in (el.get("class") or "").split()]
        if not kept:
            return super().comment_body(item, thread)
        buttons = {b for el in kept for b in self.select(el, self.text_buttons)}
        return "\n\n".join(p for el in kept for p in paragraphs_of(el, buttons))
