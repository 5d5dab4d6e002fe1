"""Title, byline and publication date read off page markup shaped like real pages.

Each page below is markup written for the test in the shape a real template prints (named in
the test); the expected values come from reading that markup.
"""

from __future__ import annotations

from datetime import UTC, datetime

from page_metadata import metadata_of

from extraction.html import extract_html


def test_a_date_printed_after_an_author_link_in_the_headline_block() -> None:
    # The shape of a WordPress theme's entry-meta: "by <a>Name</a> · Dec 20, 2025 at 3:00 am".
    page = (
        "<html><head><title>Book Beat | Reading Room</title></head><body>"
        "<h1>Book Beat: Gothic Romance and More</h1>"
        '<div class="entry-meta"><p>by <a href="/author/amanda/">Amanda</a> · '
        "Dec 20, 2025 at 3:00 am · <a href='#c'>4 Comments</a></p></div>"
        "<p>This week's deals are all about atmosphere.</p></body></html>"
    )
    assert metadata_of(page).published_at == datetime(2025, 12, 20, tzinfo=UTC)


def test_a_date_printed_above_the_headline() -> None:
    # A React blog's hero block: "February 4, 2025 - 11 minutes" sits before the <h1>.
    page = (
        "<html><body><main><a href='/blog'>Back to all articles</a><div class='css-1abhfra'>"
        "<p class='chakra-text css-1yexn9p'>February 4, 2025<!-- --> - 11 minutes</p>"
        "<h1 class='chakra-heading'>Cloud Computing Innovations: What's Next?</h1></div>"
        "<p>Cloud computing keeps changing.</p></main></body></html>"
    )
    assert metadata_of(page).published_at == datetime(2025, 2, 4, tzinfo=UTC)


def test_the_dateline_follows_the_post_headline_not_the_blog_name() -> None:
    # go.dev/blog prints the blog's name as an <h1>, then the post's <h1>, then
    # "<p class=author>Andrew Gerrand<br>4 August 2010</p>".
    page = (
        "<html><head><title>Defer, Panic, and Recover - The Go Programming Language</title>"
        '<meta property="og:site_name" content="The Go Blog"></head><body>'
        '<h1 class="small"><a href="/blog/">The Go Blog</a></h1>'
        '<h1>Defer, Panic, and Recover</h1><p class="author">Andrew Gerrand<br>4 August 2010</p>'
        "<p>Go has the usual mechanisms for control flow.</p></body></html>"
    )
    got = metadata_of(page)
    assert got.published_at == datetime(2010, 8, 4, tzinfo=UTC)


def test_a_date_opening_a_longer_meta_block() -> None:
    # "Posted on April 13, 2023" followed by the post's tags in one date-classed block.
    tags = "".join(f'<a href="/tag/{t}">{t}</a>' for t in ("Journals", "Indexing", "Metadata"))
    page = (
        "<html><body><h1>Index types for academic journals</h1>"
        '<div class="meta date-section-header"><span>Posted on April 13, 2023</span>'
        f'<div class="tags"><span>Tags: {tags}</span>'
        "<span>Scholarly publishing, open access, discoverability</span></div></div>"
        "<p>Indexing helps readers find a journal.</p></body></html>"
    )
    assert metadata_of(page).published_at == datetime(2023, 4, 13, tzinfo=UTC)


def test_extract_html_gives_the_same_metadata() -> None:
    page = (
        "<html><body><h1>Defer, Panic, and Recover</h1>"
        '<p class="author">Andrew Gerrand<br>4 August 2010</p>'
        "<p>Go has the usual mechanisms for control flow: if, for, switch, goto.</p>"
        "</body></html>"
    )
    assert extract_html(page).published_at == datetime(2010, 8, 4, tzinfo=UTC)


def test_yoast_reading_table_names_the_writer() -> None:
    # Yoast SEO's Twitter table, as digit.in prints it in its head.
    page = (
        "<html><head><title>LLMs worse than babies in field of AI | Digit</title>"
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Jayesh Shinde">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="4 minutes"></head>'
        "<body><h1>LLMs worse than babies in field of AI</h1><p>Text.</p></body></html>"
    )
    assert metadata_of(page).byline == "Jayesh Shinde"


def test_a_link_to_the_writers_profile_page_is_the_byline() -> None:
    # energysage.com: "Written by:" then a list of links to /authors/<slug>/, no author class;
    # a related-post card further down links another writer.
    page = (
        "<html><body><h1>Solar panel installation: what to expect</h1>"
        '<div class="d-flex">Written by: <ul class="comma-separated-list">'
        '<li><a href="/authors/emily-walker/">Emily Walker</a></li></ul></div>'
        "<p>Installing solar panels takes five steps.</p>"
        '<div class="card"><h3>Best solar panels</h3>'
        '<span>Written by <a href="/authors/jane-roe/">Jane Roe</a></span></div></body></html>'
    )
    assert metadata_of(page).byline == "Emily Walker"


def test_a_linked_author_box_with_a_biography_is_not_a_name() -> None:
    page = (
        "<html><body><h1>Online classes explained</h1><p>Online classes are here.</p>"
        '<a href="/author/reyan-perumal/">Reyan Perumal is a content writer at a digital '
        "consultancy in Colombo.</a></body></html>"
    )
    assert metadata_of(page).byline is None


def test_a_by_line_next_to_the_headline_without_any_class() -> None:
    # funnelstory.ai (Next.js, Tailwind): <p class="font-semibold">By <!-- -->Preetam Jinka</p>.
    page = (
        "<html><body><main><h1>Scaling Go testing with contract and scenario mocks</h1>"
        '<div class="flex items-center gap-2"><img alt="Preetam Jinka" src="p.jpeg">'
        '<div><p class="font-semibold text-primary">By <!-- -->Preetam Jinka</p>'
        '<p class="text-sm">Dec 17, 2025</p></div></div>'
        "<p>By now every team mocks its services, and by doing so drifts.</p></main></body></html>"
    )
    got = metadata_of(page)
    assert got.byline == "Preetam Jinka"
    assert got.published_at == datetime(2025, 12, 17, tzinfo=UTC)


def test_a_day_and_month_without_a_year_ends_the_byline() -> None:
    # go.dev/blog's author line, "Andrew Gerrand<br>4 August", and "ServiceTitan November 26th".
    for line, name in (
        ("Andrew Gerrand 4 August", "Andrew Gerrand"),
        ("ServiceTitan November 26th", "ServiceTitan"),
    ):
        page = f'<html><body><h1>A post</h1><p class="author">{line}</p><p>Text.</p></body></html>'
        assert metadata_of(page).byline == name


def test_an_author_card_gives_the_name_line_not_the_role() -> None:
    # business.booking.com blog (WCEB-2025, CC-BY-4.0): the author card prints the name and
    # the role as two block lines inside div.author-info.
    page = (
        "<html><body><h1>The ten best tech conferences to attend in 2026</h1>"
        '<div class="author"><div class="image"><img alt="Rachel MacDonald"></div>'
        '<div class="content"><div class="author-info"><div class="name">Rachel MacDonald</div>'
        '<div class="post">Writer</div></div></div></div>'
        "<p>Conferences are where the industry meets.</p></body></html>"
    )
    assert metadata_of(page).byline == "Rachel MacDonald"


def test_a_meta_name_ending_in_author_is_a_byline_source() -> None:
    # nbcnews.com Select (WCEB-2025, CC-BY-4.0): only cXenseParse:author names the writer in
    # the head; the visible card glues the job title after the name.
    page = (
        '<html><head><meta property="cXenseParse:author" content="Harry Rabinowitz"></head>'
        "<body><h1>The Best Smart Home Hubs of 2026</h1>"
        '<a href="/author/harry"><p class="styles_name">Harry Rabinowitz Tech Reporter</p></a>'
        "</body></html>"
    )
    assert metadata_of(page).byline == "Harry Rabinowitz"
