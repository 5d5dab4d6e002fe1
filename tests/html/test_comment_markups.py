"""Comment and forum markups on real saved pages (excerpts under tests/fixtures/html/real/, each
naming its public source): the rows a reader sees, written by reading the markup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from extraction.content import PageContent, RawComment
from extraction.html import extract_html
from extraction.html.comment_shape import find_comment_list, find_post_list
from extraction.html.density import measure
from extraction.html.dialects import Dialect
from extraction.html.dialects.base import Thread
from extraction.html.extract import dialects_for
from extraction.html.tree import Markup, parse_html

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "real"


def _page(name: str) -> PageContent:
    return extract_html((REAL / name).read_text(encoding="utf-8"))


def test_xenforo_thread_is_the_body_and_replies_keep_their_offset_in_utc() -> None:
    # article.message--post with data-author; <time class="u-dt" datetime="...-0500">.
    page = _page("cameraderie_xenforo_thread.html")
    assert page.byline == "Kevin"
    # The body is the thread: the opening post, then the two replies (also comment rows).
    assert page.paragraphs[0].startswith("Who knows, maybe this will help spur some sales")
    assert page.paragraphs[-3].startswith("Oh no there goes the neighborhood!!!")
    assert page.paragraphs[-2:] == ("They missed the mark.", "Polaroid, baby, Polaroid.")
    assert page.comments == (
        RawComment(
            author="Rick-Australia",
            body=(
                "Oh no there goes the neighborhood!!! I can just imagine the conversation...."
                "\"Me - Nice camera. Other person - Yeah doesn't it look nice. Me - What lens are "
                "you using. Other person - I don't know I don't actually take pics I just carry "
                'it around because it looks so cool"'
            ),
            posted_text="Jan 11, 2024",
            posted_at=datetime(2024, 1, 12, 0, 11, 34, tzinfo=UTC),  # 19:11:34 -05:00
        ),
        RawComment(
            author="Guest 6381",
            body="They missed the mark.\n\nPolaroid, baby, Polaroid.",
            posted_text="Jan 11, 2024",
            posted_at=datetime(2024, 1, 12, 0, 49, 41, tzinfo=UTC),  # 19:49:41 -05:00
        ),
    )


def test_discourse_crawler_view_gives_the_replies_with_name_and_utc_time() -> None:
    # div.crawler-post: .creator [itemprop=name], time.post-time[datetime], div.post[itemprop=text]
    page = _page("homeassistant_discourse_topic.html")
    assert page.byline == "raoul"
    assert page.paragraphs[0].startswith("2024.4.4 → 2024.5.0 issue I have just installed")
    first, second = page.comments
    assert first == RawComment(
        author="code-in-progress",  # the display name "(Bill - I write code.)" is not the name
        body=(
            "Looks like it’s something to do with the tuya_local integration. Try disabling it "
            "and restarting.\n\nYou might also want to open an issue on the custom integration’s "
            "github as well."
        ),
        posted_text="May 3, 2024, 12:16pm",
        posted_at=datetime(2024, 5, 3, 12, 16, 47, tzinfo=UTC),
    )
    assert (second.author, second.posted_at) == (
        "raoul",
        datetime(2024, 5, 3, 13, 23, 46, tzinfo=UTC),
    )
    assert second.body.startswith("I found a thread already open on GitHub:")
    assert second.parent_index is None


def test_vbulletin_thread_keeps_the_local_time_as_shown_and_leaves_the_signature_out() -> None:
    # li.postcontainer: .username strong, .postdate .date (no zone), blockquote.postcontent.
    page = _page("webhostingtalk_vbulletin_thread.html")
    assert page.byline == "HOSTLAR"
    # The thread is the body: the opening post, then the replies in page order.
    assert page.paragraphs[:4] == (
        "Hello",
        "What do you pay attention to if you are going to buy a web hosting service?",
        "Is location important for you?",
        "Regards.",
    )
    assert page.paragraphs[-1].endswith("but certainly not the be-all-and-end-all.")
    assert not any("WordPress Hosting" in p for p in page.paragraphs)
    quoting, answer = page.comments
    assert (quoting.author, quoting.posted_text, quoting.posted_at) == (
        "1Ali",
        "11-29-2024, 01:50 PM",
        None,
    )
    assert quoting.body.endswith("Phone support.")
    assert "WordPress Hosting" not in quoting.body  # the signature, outside the post's text
    assert answer == RawComment(
        author="fullarton",
        body=(
            "Confidence that the chosen supplier will provide good service, minimum downtimes, "
            "good after sales support. Location is a very close second to that: I assess "
            'location on deemed "security" - I want to believe that GDPR will be observed and '
            "that data will not be sent around the planet. Price is important, but certainly "
            "not the be-all-and-end-all."
        ),
        posted_text="11-29-2024, 02:43 PM",
    )


def test_invision_topic_replies_have_their_author_pane_name_and_time() -> None:
    # article.cPost.ipsComment: .cAuthorPane_author, <time datetime="...Z">, commentContent.
    page = _page("evernote_invision_topic.html")
    assert page.byline == "Payam Montie"
    soapm, dave = page.comments
    assert soapm == RawComment(
        author="Soapm",
        body=(
            "I agree with you, I went with this application some years ago because it was trim, "
            "intuitive interface and no fuss. They've done changed it to where I can't find "
            "anything, the customization (number of settings) are now gone and we have this "
            "ugly interface. The previous UI was 1000x better.\n\n"
            "I'm really thinking of leaping ship. This isn't the little note keeping application "
            "that drew me to it. It's now more than just a simple note keeper, this thing has "
            "become more than what I need."
        ),
        posted_text="March 5, 2024",
        posted_at=datetime(2024, 3, 5, 9, 42, 23, tzinfo=UTC),
    )
    assert (dave.author, dave.posted_at) == (
        "Dave-in-Decatur",
        datetime(2024, 3, 5, 17, 29, 12, tzinfo=UTC),
    )
    assert dave.body.startswith("@Soapm, I think @Payam Montie is talking about the changed")


def test_wpdiscuz_replies_nest_under_the_comment_they_answer() -> None:
    # div.wpd-comment, replies inside their parent; the date shown relative, its title local.
    # The excerpt holds the comments only, so the thread is read by the dialect the page picks.
    html = (REAL / "whitecoatinvestor_wpdiscuz.html").read_text(encoding="utf-8")
    root = parse_html(html)
    assert root is not None
    dialect = dialects_for(root, None, Markup(html, root))[0]
    assert dialect.name == "wpdiscuz"
    assert tuple(dialect.comments(root)) == (
        RawComment(
            author="TMS", body="ProjectionLab got 8/5 for taxes?", posted_text="6 months ago"
        ),
        RawComment(
            author="Chuck Patterson",
            body=(
                "Good catch! As you can tell, there were many iterations with different weights "
                "for each category. In fact, you can change the weights to whatever you would "
                "like. ProjectionLab would score highly in that category, in my estimation."
            ),
            posted_text="6 months ago",
            parent_index=0,
        ),
        RawComment(
            author="Brad P",
            body=(
                "Pralana deserves a second chance, the Pralana Online version is fantastic. "
                "Score maybe closer to 85 or 90. I’ve tried many of these calculators and IMHO "
                "it’s among the best for the price (and it’s the one I’ve chosen as primary for "
                "my needs.)"
            ),
            posted_text="6 months ago",
        ),
        RawComment(
            author="Chuck Patterson",
            body="Can’t wait to try the online version",
            posted_text="6 months ago",
            parent_index=2,
        ),
    )


def test_schema_org_comment_microdata_reads_names_and_times_stated_in_meta_tags() -> None:
    # <div itemprop="comment" itemtype="https://schema.org/Comment"> with <meta itemprop="name"
    # content="Tony B"> and <meta itemprop="datePublished" content="...-04:00">.
    page = _page("woodworkingtalk_microdata_thread.html")
    assert [(c.author, c.posted_at) for c in page.comments] == [
        ("Tony B", datetime(2023, 8, 5, 15, 6, 27, tzinfo=UTC)),
        ("FrankC", datetime(2023, 8, 5, 20, 35, 31, tzinfo=UTC)),
        ("JWoodguy13", datetime(2023, 8, 5, 21, 17, 7, tzinfo=UTC)),
    ]
    assert page.comments[2].body == (
        "Thanks for your help...in regards to getting a table saw at this stage I just want to "
        "try out the hobby and make sure it is really for me before I start getting the bigger "
        "and more expensive tools. But is something I would like to get in the future."
    )
    assert not any("definite plus" in p for p in page.paragraphs)  # replies stay out of the body


def test_a_related_posts_grid_with_titles_and_times_gives_no_comments() -> None:
    # Three <article class="l-post"> siblings, each a category link, a title link and a
    # <time class="post-date">: repeated, named and timed, yet teasers, not comments.
    html = (REAL / "wareable_related_posts.html").read_text(encoding="utf-8")
    root = parse_html(html)
    assert root is not None
    assert len(root.findall(".//article")) == 3
    assert extract_html(html).comments == ()
    assert find_comment_list(root, measure(root)) is None


def test_mybb_thread_time_is_the_date_line_without_its_edited_note() -> None:
    # div.post: .author_information .largetext, "2019-02-23, 09:14 PM <span class=post_edit>".
    page = _page("mybb_community_thread.html")
    assert page.byline == "StarredSkies"
    assert page.comments == (
        RawComment(
            author="User 37079",
            body=(
                "Why not try it out, if able that is.\n\n"
                "Haven't used SMF for a very long time, so can not help there."
            ),
            posted_text="2019-02-24, 02:31 AM",
        ),
        RawComment(
            author="StarredSkies",
            body=(
                "The problem is that to test it, I'd most definitely have to transfer files over "
                "from my current website with the merge system. I have attempted a test site "
                "with MyBB on it on a subdomain, but it has not worked. Not exactly fluent on "
                "how to do these things... I'll figure it out later though!\n\n"
                "SMF hasn't updated whatsoever in years. 2.1 was in development for years until "
                "this February! Nevertheless, your opinions would be nice."
            ),
            posted_text="2019-02-24, 05:31 PM",
        ),
    )


def test_fluxbb_topic_leaves_the_profile_and_the_edit_note_out_of_the_text() -> None:
    # div.blockpost: the name in .postleft dt, the time as the h2 permalink's text, .postmsg.
    page = _page("archlinux_fluxbb_topic.html")
    assert page.byline == "chunix64"
    # The thread is the body: the question, then the one reply (also its comment row).
    assert page.paragraphs == (
        "According to https://archlinux.org/releng/releases/ , why did the ISO size increase so "
        "rapidly from 2024 to 2025 — from about 800 MB to 1.4 GB, almost half the total size "
        "growth in Arch’s entire history?",
        page.comments[0].body,
    )
    assert page.comments == (
        RawComment(
            author="nl6720",
            body=(
                "archlinux-2024.05.01-x86_64.iso changed the UEFI boot loader from GRUB back to "
                "systemd-boot (which was used in archlinux-2022.06.01-x86_64.iso and prior ISOs) "
                "which means the kernel and initramfs need to be duplicated; see "
                "https://gitlab.archlinux.org/archlinux/ … quests/374 for details. The rest of "
                "the size increase is just general bloat accumulation. I.e. the kernel and "
                "linux-firmware get bigger with each release."
            ),
            posted_text="2025-11-02 06:23:21",
        ),
    )


def test_genesis_layout_wrapper_named_sidebar_does_not_hide_the_comments() -> None:
    # Genesis themes wrap the main column, the comments and the sidebar together in
    # <div class="content-sidebar-wrap">; "sidebar" there names a layout, not a widget.
    page = _page("bemytravelmuse_genesis_comments.html")
    assert [(c.author, c.posted_text, c.parent_index) for c in page.comments] == [
        ("GG", "12/17/2017 at 10:17 am", None),
        ("Travel With Trang", "12/17/2017 at 8:50 pm", None),
    ]
    assert page.comments[0].body.startswith("Enjoyed this listing of places to hang in SE Asia")
    assert page.comments[0].body.endswith("driving to work in crazy traffic.")
    assert page.comments[1].body == (
        "Ohhh yes charming Hoi An and relaxing/fun boracay or some of my favorite spots in Asia "
        "for sure! And it helps that its so cheap in SE asia!"
    )
    assert not any("Hoi An and relaxing" in p for p in page.paragraphs)


def test_shape_finder_reaches_a_list_nested_below_wrappers_beside_a_pager() -> None:
    # Drupal views: .comment-ajax-wrapper > div > div.js-view-dom-id (rows wrapper + pager) >
    # div.views-infinite-scroll-content-wrapper > div.views-row; the names are printed with
    # their <span> escaped ("&lt;span&gt;Donald Elam&lt;/span&gt;").
    html = (REAL / "almanac_drupal_views_comments.html").read_text(encoding="utf-8")
    root = parse_html(html)
    assert root is not None
    found = find_comment_list(root, measure(root))
    assert found is not None
    rows, _ = Dialect().read_thread(Thread.of(found.items, [found.area]))
    assert rows == [
        RawComment(
            author="Donald Elam",
            body=(
                "“Love this! If anyone knows how to pick reliable, high-quality seeds, it’s the "
                "Old Farmer’s Almanac. Excited to see what these ‘perfect garden seeds’ can do "
                "this season!”"
            ),
            posted_text="Wed, 12/03/2025 - 02:42",
        ),
        RawComment(
            author="Arohi Singh",
            body=(
                "This beginner’s guide is a fantastic resource! Just like vegetables, starting "
                "with high-quality fruit seeds/a> is key to a thriving garden. Proper planning "
                "and care will help your fruit seeds grow into healthy plants that yield "
                "delicious rewards. Happy gardening!"
            ),
            posted_text="Mon, 11/03/2025 - 12:07",
        ),
    ]


def test_shape_finder_reads_a_run_of_comments_that_each_say_comment_and_end_posted_by() -> None:
    # Movable Type: <div class="comments-body"> siblings straight in the page's column, no list
    # element around them; each ends "Posted by: <a>NAME</a> at DATE".
    html = (REAL / "movabletype_posted_by_comments.html").read_text(encoding="utf-8")
    root = parse_html(html)
    assert root is not None
    found = find_comment_list(root, measure(root))
    assert found is not None
    rows, _ = Dialect().read_thread(Thread.of(found.items, [found.area]))
    assert [(r.author, r.posted_text) for r in rows] == [
        ("John", "December 18, 2025 05:48 PM"),
        ("Groggy", "December 18, 2025 07:54 PM"),
    ]
    assert rows[0].body.startswith('I dislike the term "vibe coding". It means nothing')
    assert rows[0].body.endswith("writing, video, music, etc...")
    assert rows[1].body.split("\n\n")[0] == "Management by abdication is a dangerous path."
    assert not any("Posted by" in r.body for r in rows)


def test_forum_posts_no_class_names_are_found_by_their_shape() -> None:
    # JForum (permies.com): div.postItem siblings, no class or id saying "comment"; the name in
    # the poster's box, "posted 1 year ago" in span.postdate, the text in div.postText beside
    # the poster's profile, the pie-sending form and a signature.
    page = _page("permies_jforum_thread.html")
    assert page.page_kind.kind == "discussion"
    assert page.byline == "Matt McSpadden"
    # The opening post is the body: "<b>Question: </b><br> What breed(s) ...".
    assert page.paragraphs[0].startswith("Question:")
    assert "What breed(s) of dog do you think make good family dogs?" in page.paragraphs[0]
    assert [(c.author, c.posted_text) for c in page.comments] == [
        ("Timothy Norton", "posted 1 year ago"),
        ("Anne Miller", "posted 1 year ago"),
    ]
    assert page.comments[0].body.startswith(
        "As much as I love my Plott Hound, hounds (like terriers) seem to generally have an "
        "innate prey drive"
    )
    assert page.comments[0].body.endswith(
        "I hope you might stumble upon your soul dog in the near future."
    )
    assert page.comments[1].body == (
        "We have had lots of dog breeds over the years.\n\n"
        "We started out with a German Shepherd.\n\n"
        "Then poodle, malamute, huskie, Labrador Retriever, German Shepard, dachshund, "
        "dachshund.\n\n"
        "If I were getting another dog it would be a German Shepherd or a Dachshund.\n\n"
        "I will never ever have another Labrador Retriever. That one would not stay in the yard "
        "and brought home other peoples shoes."
    )


def test_bbpress_date_lines_before_each_post_are_read_with_the_post() -> None:
    # bbPress (backpackinglight.com): ul.bbp-replies > li.bbp-body holding pairs of
    # div.bbp-reply-header (the date and permalink) and the post's div (author, content).
    page = _page("backpackinglight_bbpress_topic.html")
    assert page.paragraphs[0].startswith("We used to live in Colorado and I loved hiking")
    assert [(c.author, c.posted_text) for c in page.comments] == [
        ("David Thomas", "May 16, 2019 at 5:24 am"),
        ("Jerry Adams", "May 16, 2019 at 1:53 pm"),
    ]
    first = page.comments[0].body.split("\n\n")
    assert first[0] == (
        "Marin County, especially on the slopes of Mount Tamalpais, have the greatest elevation "
        "change trails in the Bay Area."
    )
    assert first[-1] == (
        "If by SW you mean AZ and NM, then Flagstaff really stands out for year-round, "
        "world-class, multi-sport activities very near by."
    )
    assert page.comments[1].body.startswith("L.A.. is surprising – I lived in Pasadena")


def test_cards_with_a_date_a_name_and_a_headline_link_give_no_comments() -> None:
    # garnix's "Other Posts": three div.styles_blogListing cards, each a date ("Nov 25, 2025"),
    # the writers ("Julian K. Arni"), an <h2> inside a link to another post of the blog
    # ("/blog/actions/"), "Read Article" and a summary line: shaped like posts, yet cards.
    html = (REAL / "garnix_other_posts_cards.html").read_text(encoding="utf-8")
    root = parse_html(html)
    assert root is not None
    assert len(root.xpath("//div[@class='styles_blogListing__LaFoz']")) == 3
    assert find_post_list(root, measure(root)) is None
    page = extract_html(html)
    assert page.comments == ()
    assert page.paragraphs[0].startswith("In the next blog post, we'll talk about")


def test_an_opinion_columns_cards_classed_comment_give_no_comments() -> None:
    # A newspaper's list where the opinion pieces carry the section's class (li.comment), each
    # a time, a headline linking to the piece and its writer's name: a column, not comments.
    card = (
        '<li class="item {kind}"><time datetime="2017-11-21T21:{m}:00Z">21 Nov 2017, 9:{m}pm</time>'
        '<h3><a href="/news/2017/11/21/piece-{m}/"><span>Comment:</span> The Budget is a chance '
        'for the Tories number {m}</a></h3><div class="author-name">Writer {m}</div></li>'
    )
    items = "".join(card.format(kind="comment" if i % 2 else "news", m=10 + i) for i in range(6))
    html = (
        "<html><body><article><h1>Politics</h1><p>"
        + "Our reporters follow the Budget as it happens in Westminster today. " * 8
        + f'</p></article><ol class="list">{items}</ol></body></html>'
    )
    assert extract_html(html).comments == ()


def test_a_comment_title_linking_to_its_own_permalink_is_still_a_comment() -> None:
    # Drupal prints each comment's title as a link to /comment/N: a comment's own address.
    comment = (
        '<article class="comment"><h3><a href="/comment/{n}">I agree with this point {n}</a></h3>'
        '<span class="username">Reader {n}</span><time datetime="2020-01-0{n}T10:00:00Z">'
        'Jan {n}, 2020</time><div class="content"><p>This is my longer reply number {n} '
        "about the article above.</p></div></article>"
    )
    html = (
        "<html><body><article><h1>Story</h1><p>"
        + "The story itself, told in enough words to be the page's body text. " * 8
        + '</p></article><section class="comments">'
        + "".join(comment.format(n=n) for n in (1, 2, 3))
        + "</section></body></html>"
    )
    assert [c.author for c in extract_html(html).comments] == ["Reader 1", "Reader 2", "Reader 3"]


def test_hoopla_replies_are_named_by_the_link_not_the_avatar_initials_in_an_svg() -> None:
    # Hoop.la (forum.cookshack.com): article.post-box in unclassed wrappers; a member's avatar
    # draws "M" in an <svg> inside the first link, the name link follows; "Copy Link to Reply"
    # and "Report Reply" are javascript: buttons, not a teaser's link to another page.
    page = _page("cookshack_hoopla_topic.html")
    assert page.page_kind.kind == "discussion"
    assert page.byline == "Former Member"
    assert page.paragraphs[0].startswith("Here's an idea to increase your tips.")
    assert [(c.author, c.posted_at) for c in page.comments] == [
        ("mnhogfarmer", datetime(2005, 7, 10, 1, 56, tzinfo=UTC)),
        ("Former Member", datetime(2005, 7, 13, 12, 22, tzinfo=UTC)),
        ("Former Member", datetime(2005, 7, 13, 13, 43, tzinfo=UTC)),
    ]
    assert page.comments[0].body.startswith(
        "That's a great idea!\n\nWe started tacking on an automatic 15% for tips"
    )
    assert page.comments[1].body.startswith("my belief is that if you need a tip")
    assert page.comments[2].body.startswith(
        "I agree, many clients don't know and you have to educate them on tipping for caterers."
    )
