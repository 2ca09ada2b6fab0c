"""Marked passages: everything escaped, the reader's words marked, the passage near them."""

from newsdesk.search.highlight import query_terms, snippet_mark, text_mark


def test_query_terms_are_words_once_each_without_lone_letters():
    assert query_terms('"Ceasefire" (talks) AND a ceasefire!') == ["ceasefire", "talks", "and"]


def test_text_is_escaped_and_words_starting_with_a_term_are_marked():
    marked = text_mark(text="<b>Elections</b> & the elector's vote", terms=["elect"])
    assert marked == (
        "&lt;b&gt;<mark>Elections</mark>&lt;/b&gt; &amp; the <mark>elector</mark>&#x27;s vote"
    )


def test_a_term_inside_another_word_is_not_marked():
    assert text_mark(text="Reelection", terms=["election"]) == "Reelection"


def test_passage_starts_at_the_sentence_of_the_first_match():
    text = "Opening words run on for a while here. " * 8 + "The volcano erupted at dawn. More."
    snippet = snippet_mark(text=text, terms=["volcano"])
    assert snippet.startswith("… The <mark>volcano</mark> erupted at dawn.")


def test_passage_without_a_match_is_the_opening_and_is_cut_at_a_word():
    text = "word " * 100
    snippet = snippet_mark(text=text, terms=["absent"])
    assert snippet.startswith("word word")
    assert snippet.endswith("word …")
    assert len(snippet) < 260
