"""The length rule and the rendering of comment text, by example and by property."""

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.comments.forms import CommentForm
from newsdesk.comments.text import text_length, text_normalise, text_render

EMOJI = ["👍🏽", "👩🏽‍❤️‍💋‍👨🏿", "🏳️‍🌈", "🇯🇵", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👨‍👩‍👧‍👦"]
COMBINING = [chr(c) for c in range(0x300, 0x36F)]


def form_for(text: str) -> CommentForm:
    return CommentForm({"name": "Ada", "email": "ada@readers.example", "text": text})


def test_an_emoji_with_modifiers_counts_once():
    for emoji in EMOJI:
        assert text_length(text=text_normalise(text=emoji)) == 1, emoji


def test_decomposed_accents_count_as_the_letters_a_reader_sees():
    assert text_length(text=text_normalise(text="cafe\u0301")) == 4
    assert text_normalise(text="cafe\u0301") == "café"


def test_line_breaks_count_once_whatever_the_browser_sends():
    assert text_normalise(text="a\r\nb\rc") == "a\nb\nc"
    assert text_length(text=text_normalise(text="a\r\nb")) == 3


def test_300_characters_pass_and_301_fail_with_a_clear_message():
    assert form_for("é" * 300).is_valid()
    too_long = form_for("👍🏽" * 301)
    assert not too_long.is_valid()
    assert "301 characters long, 1 over the limit of 300" in too_long.errors["text"][0]


@given(st.lists(st.sampled_from(["a", "é", "\n", " ", *EMOJI]), min_size=1, max_size=400))
def test_the_limit_is_300_characters_as_a_reader_counts_them(parts):
    text = text_normalise(text="x" + "".join(parts) + "x")
    assert text_length(text=text) == len(parts) + 2
    assert form_for(text).is_valid() == (text_length(text=text) <= 300)


@given(st.text(max_size=40), st.lists(st.sampled_from(COMBINING), max_size=5))
def test_combining_marks_on_a_letter_never_add_characters(before, marks):
    plain = text_normalise(text=before + "a")
    accented = text_normalise(text=before + "a" + "".join(marks))
    assert text_length(text=accented) == text_length(text=plain)


@given(st.text(max_size=500))
def test_normalising_twice_changes_nothing(text):
    once = text_normalise(text=text)
    assert text_normalise(text=once) == once


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Collect:
    parser = Collect()
    parser.feed(html)
    parser.close()
    return parser


URLISH = st.sampled_from(
    [
        "https://example.org/a?b=1&c=2",
        "http://x.example/(y)",
        "javascript:alert(1)",
        "www.example.com",
    ]
)
HOSTILE = st.sampled_from(["<", ">", "&", '"', "'", "<script>", "onerror=", "\n", " ", "é"])


@given(st.lists(st.one_of(st.text(max_size=20), URLISH, HOSTILE), max_size=30))
def test_rendering_keeps_the_text_and_makes_only_safe_links(parts):
    text = text_normalise(text="".join(parts))
    result = parsed(str(text_render(text=text)))
    assert {tag for tag, _ in result.tags} <= {"a", "br"}
    for tag, attrs in result.tags:
        if tag == "a":
            assert attrs["rel"] == "nofollow ugc noopener"
            assert attrs["href"].lower().startswith(("http://", "https://"))
            assert set(attrs) == {"href", "rel"}
    assert "".join(result.text) == text


def test_urls_become_links_and_javascript_stays_text():
    html = str(text_render(text="See https://example.org/report. Or javascript:alert(1)"))
    assert (
        '<a href="https://example.org/report" rel="nofollow ugc noopener">'
        "https://example.org/report</a>." in html
    )
    assert "javascript:alert(1)" in html
    assert 'href="javascript' not in html
