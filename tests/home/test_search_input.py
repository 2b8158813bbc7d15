"""Search takes whatever people type: characters with a meaning in the database's
full-text syntax (SQLite FTS5 quotes, NUL) are searched for, never a server error."""

import pytest


@pytest.mark.parametrize(
    "query", ['"', 'a"b', "'\"<>", "грант\x00", "\x00", "a AND", "NEAR(", "*", "a:b", "(", "^x", "-"]
)
def test_search_with_full_text_syntax_characters_answers_200(client, demo, query):
    """Protects: a quote, a NUL byte or an FTS5 operator in the query is not a 500."""
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200


def test_search_still_finds_words_next_to_stray_quotes(client, demo):
    """Protects: cleaning the query keeps the words, so results still come."""
    plain = client.get("/ru/search/", {"q": "грант"}).context["results"]
    quoted = client.get("/ru/search/", {"q": '"грант"\x00'}).context["results"]
    assert plain.paginator.count > 0
    assert [page.pk for page in quoted] == [page.pk for page in plain]
