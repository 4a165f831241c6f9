"""News articles appear on their partners' timelines; drafts never do."""

from cooperation.registry import timeline_entries

from .factories import NewsPageFactory
from .fixtures_cooperation import agency, azerbaijan  # noqa: F401


def test_news_about_a_partner_is_on_its_timeline(news_index, azerbaijan, agency):
    article = NewsPageFactory(parent=news_index)
    article.partner_regions.add(azerbaijan)
    article.partner_organisations.add(agency)
    article.save_revision().publish()
    draft = NewsPageFactory(parent=news_index, live=False, title_ru="Черновик")
    draft.partner_regions.add(azerbaijan)
    draft.save()
    other = NewsPageFactory(parent=news_index, title_ru="Другая")

    titles = [e.title for e in timeline_entries(region=azerbaijan) if e.kind == "news"]
    assert titles == [article.title_ru]
    by_org = [
        e.title for e in timeline_entries(organisation=agency) if e.kind == "news"
    ]
    assert by_org == [article.title_ru]
    assert other.title_ru not in titles
