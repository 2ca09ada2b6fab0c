"""The search page as readers use it: results, filters, paging, errors and the empty state."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from .conftest import local

pytestmark = pytest.mark.django_db


def results(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [h.get_text() for h in page.select(".search-result__headline")]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_blank_page_offers_the_form_and_a_hint(client):
    response = client.get("/search/")
    assert response.status_code == 200
    page = soup(response)
    assert page.find("label", attrs={"for": "id_q"}).get_text() == "Search for"
    assert "Type a few words" in page.select_one(".search-page__hint").get_text()
    assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_results_show_headline_deck_and_a_passage_with_the_words_marked(client, story):
    story(
        "Volcano erupts near the coast",
        deck="Villages are evacuated as ash falls.",
        text="Scientists had warned for weeks. The volcano sent ash over three villages.",
    )
    page = soup(client.get("/search/", {"q": "volcano"}))
    result = page.select_one(".search-result")
    assert result.select_one(".label").get_text() == "World"
    assert result.select_one(".search-result__headline mark").get_text() == "Volcano"
    assert result.select_one(".search-result__deck").get_text() == (
        "Villages are evacuated as ash falls."
    )
    snippet = result.select_one(".search-result__snippet")
    assert [m.get_text() for m in snippet.find_all("mark")] == ["volcano"]
    assert "sent ash over three villages" in snippet.get_text()
    assert page.select_one("#search-results-title").get_text(strip=True) == (
        "1 story for “volcano”"
    )


def test_markup_in_stories_and_queries_is_shown_as_text(client, story):
    story("Parser bug", text="Readers saw &lt;script&gt;alert(1)&lt;/script&gt; in parser output.")
    response = client.get("/search/", {"q": "<b>parser</b>"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b>parser</b>" not in html
    snippet = soup(response).select_one(".search-result__snippet")
    assert "<script>alert(1)</script>" in snippet.get_text()
    assert [m.get_text() for m in snippet.find_all("mark")] == ["parser"]


def test_the_most_relevant_story_comes_first(client, story):
    story("Harbour news", text="A ferry was late. " * 5 + "A volcano was mentioned once.")
    story("Volcano erupts", text="The volcano erupted; volcano experts watch the volcano.")
    assert results(client.get("/search/", {"q": "volcano"}))[0] == "Volcano erupts"


def test_equally_relevant_stories_come_newest_first(client, story):
    newer = story("Glacier retreats", when=local(2026, 5, 2), slug="glacier-b")
    older = story("Glacier retreats", when=local(2026, 5, 1), slug="glacier-a")
    # A full reindex gives the two identical stories exactly equal scores.
    call_command("update_index", verbosity=0)
    page = soup(client.get("/search/", {"q": "glacier"}))
    links = [a["href"] for a in page.select(".search-result__headline a")]
    assert links == [newer.url, older.url]


def test_every_word_must_match(client, story):
    story("Glacier retreats in the north")
    story("Glacier tourism booms")
    assert results(client.get("/search/", {"q": "glacier north"})) == [
        "Glacier retreats in the north"
    ]


def test_filters_by_section_and_by_dates_inclusive(client, story):
    story("Budget talks in March", section="business", when=local(2026, 3, 31, 23))
    story("Budget talks in April", section="business", when=local(2026, 4, 1, 0))
    story("Budget talks abroad", section="world", when=local(2026, 3, 15))
    assert results(client.get("/search/", {"q": "budget", "section": "business"})) == [
        "Budget talks in April",
        "Budget talks in March",
    ]
    march = {"q": "budget", "published_from": "2026-03-01", "published_to": "2026-03-31"}
    assert sorted(results(client.get("/search/", march))) == [
        "Budget talks abroad",
        "Budget talks in March",
    ]
    no_words = {"section": "business", "published_from": "2026-04-01"}
    assert results(client.get("/search/", no_words)) == ["Budget talks in April"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x", "published_from": "2026-13-01"}, "From: Enter a valid date."),
        (
            {"published_from": "2026-05-02", "published_to": "2026-05-01"},
            "To: The end date must not be before the start date.",
        ),
        ({"published_from": "2999-01-01"}, "From: The start date cannot be in the future."),
        ({"section": "no-such-section"}, "Section: Select a valid choice."),
        ({"q": "x" * 201}, "Search for: Ensure this value has at most 200 characters"),
        ({"q": "a\x00b"}, "Search for: Null characters are not allowed."),
    ],
)
def test_bad_input_is_a_400_that_says_what_to_fix(client, params, message):
    response = client.get("/search/", params)
    assert response.status_code == 400
    summary = soup(response).select_one(".search-errors")
    assert summary["role"] == "alert"
    assert message in summary.get_text()


@pytest.mark.parametrize(
    "query",
    ['"', "(AND OR", "NEAR(a b)", "* - : ^", "title:x", "Zürich ünïcode", "💥", "'; --"],
)
def test_odd_queries_never_break_the_page(client, story, query):
    story("Zürich bank merger")
    assert client.get("/search/", {"q": query}).status_code == 200


def test_a_bad_page_number_is_not_found(client, story):
    story("Volcano erupts")
    assert client.get("/search/", {"q": "volcano", "page": "abc"}).status_code == 404
    assert client.get("/search/", {"q": "volcano", "page": "9"}).status_code == 404


def test_results_are_paged_and_paging_keeps_the_search(client, story, settings):
    settings.NEWSDESK_PAGE_SIZE = 3
    for n in range(5):
        story(f"Drought report {n}", section="business")
    first = soup(client.get("/search/", {"q": "drought", "section": "business"}))
    assert len(first.select(".search-result")) == 3
    more = first.select_one(".pagination a[rel=next]")["href"]
    assert more == "?q=drought&section=business&page=2"
    second = soup(client.get("/search/" + more))
    assert len(second.select(".search-result")) == 2
    assert second.select_one("ol.search-results__items")["start"] == "4"


def test_nothing_found_says_so_and_helps(client, story):
    story("Volcano erupts", section="world")
    page = soup(client.get("/search/", {"q": "volcano", "section": "business"}))
    assert page.select_one("#search-results-title").get_text(strip=True) == (
        "No stories found for “volcano”"
    )
    help_text = page.select_one(".search-empty").get_text()
    assert "Check the spelling" in help_text
    widen = page.select_one(".search-empty a")
    assert widen.get_text() == "Search all sections and dates"
    assert results(client.get(widen["href"])) == ["Volcano erupts"]


def test_every_page_has_a_labelled_search_box_in_the_header(client, story):
    article = story("Volcano erupts")
    form = soup(client.get(article.url)).select_one("header form[role=search]")
    assert form["action"] == "/search/"
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}).get_text() == "Search stories"
