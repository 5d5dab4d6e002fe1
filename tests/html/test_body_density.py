"""The article body on page shapes where the density scoring used to pick the wrong text: a letter
above a long list of its signatories, a paragraph repeated in a second section of the article,
and bodies that came out near-empty though the page holds an article."""

from __future__ import annotations

import json

from extraction.html import extract_html
from extraction.html.density import ends_no_sentence
from extraction.html.tree import parse_html

_LETTER = (
    "We are writing to you as scientists, physicians and engineers who have spent our careers"
    " studying the effects of air pollution on the health of children in our cities.",
    "The evidence gathered over the past two decades leaves no room for doubt: fine particles"
    " from traffic and heating shorten lives, and they do so most among the poor.",
    "We therefore ask the government to adopt the limits recommended by the World Health"
    " Organization, and to meet them by 2030 at the latest.",
    "We stand ready to help, and we will publish our assessment of the progress made every year.",
)


def _open_letter(signatories: int) -> str:
    # The shape of an open letter on a campaign site: the letter in one column, then a section
    # listing every signatory as "Name, title, institution" (no sentence, no full stop).
    letter = "".join(f"<p>{p}</p>" for p in _LETTER)
    names = "".join(
        f"<li>Dr. Ana Pereira {n}, Professor of Paediatrics, University Hospital of Coimbra</li>"
        for n in range(signatories)
    )
    return (
        "<html><head><title>An open letter on clean air</title></head><body><div class='wrap'>"
        f"<div class='main'><h1>An open letter on clean air</h1><div class='letter'>{letter}"
        f"</div></div><div class='list'><h2>Signatories</h2><ul>{names}</ul></div>"
        "<div class='side'><p>About us: a network of researchers.</p></div></div></body></html>"
    )


def test_an_open_letter_is_the_body_and_its_long_list_of_signatories_is_not() -> None:
    page = extract_html(_open_letter(200))
    assert page.paragraphs == _LETTER


def test_a_few_signatories_do_not_change_the_body_either() -> None:
    page = extract_html(_open_letter(3))
    assert page.paragraphs == _LETTER


_REPEATED = (
    "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat"
    " nulla pariatur, excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia."
)


def test_a_paragraph_repeated_in_a_second_section_of_the_article_is_kept() -> None:
    # Mozilla Readability's "basic-tags-cleaning" test page has this shape: two plain <div>
    # sections of one <article>, each ending with the same paragraph; both copies are text.
    markup = f"""<html><head><title>Two sections</title></head><body><article>
    <div><p>The first section opens with a sentence long enough to be prose, and it goes on for
    a while, with commas, so that the scoring counts it as a paragraph of the article.</p>
    <p>{_REPEATED}</p></div>
    <h2>Second section</h2>
    <div><p>The second section opens with another sentence of prose, also long enough, with
    commas, so that both sections count as parts of the article.</p>
    <p>{_REPEATED}</p></div>
    </article></body></html>"""
    got = extract_html(markup).paragraphs
    assert got.count(_REPEATED) == 2
    assert len(got) == 5


def test_an_article_only_in_the_pages_script_data_is_the_body() -> None:
    # The shape of a saved Next.js news page (Hankook Ilbo's, in fundus's test data): the
    # article's HTML sits escaped in a JSON field of __NEXT_DATA__; the visible page is empty.
    data = json.dumps(
        {
            "props": {
                "article": {
                    "title": "Le conseil ferme la bibliothèque",
                    "contentHtml": (
                        '<div class="caption"><p>La bibliothèque, mardi. Photo AFP</p></div>'
                        "<p>Le conseil municipal a voté mardi soir la fermeture de la"
                        " bibliothèque de la rue du Port pendant dix-huit mois.</p>"
                        "<p>Les travaux du toit, prévus depuis 2019, commenceront en mars,"
                        " a précisé la maire.</p>"
                        "<p>Un bibliobus s’arrêtera sur la place les jours de marché.</p>"
                        "<p>Les lecteurs pourront rendre leurs livres à la mairie, où une"
                        " boîte sera installée dès la semaine prochaine.</p>"
                    ),
                }
            }
        }
    )
    markup = (
        "<html><head><title>Le conseil ferme la bibliothèque</title></head><body>"
        "<div id='__next'></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{data}</script></body></html>"
    )
    assert extract_html(markup).paragraphs == (
        "Le conseil municipal a voté mardi soir la fermeture de la bibliothèque de la rue du"
        " Port pendant dix-huit mois.",
        "Les travaux du toit, prévus depuis 2019, commenceront en mars, a précisé la maire.",
        "Un bibliobus s’arrêtera sur la place les jours de marché.",
        "Les lecteurs pourront rendre leurs livres à la mairie, où une boîte sera installée dès"
        " la semaine prochaine.",
    )


def test_long_strings_of_code_in_a_script_are_no_body() -> None:
    code = "var css = " + json.dumps(".a{color:red;margin:0 auto;}" * 40) + ";"
    blob = "var img = " + json.dumps("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf" * 25)
    markup = (
        "<html><head><title>App</title></head><body><div id='app'></div>"
        f"<script>{code}\n{blob};</script></body></html>"
    )
    assert extract_html(markup).paragraphs == ()


def test_a_short_line_is_prose_only_when_its_own_text_ends_a_sentence() -> None:
    root = parse_html(
        "<html><body><div id='d'><p id='a'>Dr. Ana Pereira, <a href='/x'>Coimbra</a></p>"
        "<p id='b'>He said <b>no.</b> <!-- aside --></p>"
        "<li id='c'>Votre avis ? <span>« Oui »</span></li>"
        "<div id='e'>Heading without a mark<p>A paragraph inside it ends here.</p></div>"
        "<p id='f'>これは日本語の文です。</p></div></body></html>"
    )
    assert root is not None
    ends = {el.get("id"): ends_no_sentence(el) for el in root.iter() if el.get("id")}
    assert ends == {"d": True, "a": True, "b": False, "c": False, "e": True, "f": False}


def test_the_relaxed_reading_still_leaves_out_what_the_markup_hides() -> None:
    # The shape of Mozilla Readability's "hidden-nodes" test page: the same paragraph three
    # times under headings, the second copy display:none, the third with the hidden attribute.
    text = (
        "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor"
        " invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua, at vero eos et"
        " accusam et justo duo dolores et ea rebum."
    )
    markup = (
        "<html><head><title>Hidden nodes</title></head><body><h1>Hidden nodes</h1>"
        f"<p>{text}</p><h2>Secondary header</h2><p style='display: none;'>{text}</p>"
        f"<h2>Third header</h2><p hidden='hidden'>{text}</p></body></html>"
    )
    assert extract_html(markup).paragraphs == (text, "Secondary header", "Third header")
