"""Out-of-range dates in the address fall back instead of raising (no 500)."""

import pytest


@pytest.mark.parametrize(
    "query",
    ["?month=9999-12", "?month=0001-01", "?month=1-1&view=agenda", "?month=2026-13"],
)
def test_the_calendar_shows_the_current_month_for_a_month_out_of_range(
    client, calendar_page, query
):
    response = client.get(calendar_page.url + query)
    assert response.status_code == 200
    fallback = client.get(
        calendar_page.url + ("?view=agenda" if "agenda" in query else "")
    )
    assert response.context["month"] == fallback.context["month"]


@pytest.mark.parametrize("year", ["10000", "99999999999", "0"])
def test_the_news_index_ignores_a_year_that_is_not_a_year(client, article, year):
    response = client.get(f"{article.get_parent().url}?year={year}")
    assert response.status_code == 200
    assert response.context["selected_year"] is None
    assert article in response.context["page_obj"].object_list
