import pytest

from . import factories

FACTORIES = [
    getattr(factories, name)
    for name in dir(factories)
    if name.endswith("Factory")
    and name not in {"factory"}
    and getattr(getattr(factories, name), "_meta", None) is not None
    and getattr(factories, name).__module__ == factories.__name__
]


def test_there_are_factories():
    assert len(FACTORIES) >= 4


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_every_factory_builds(factory_class, home_page, news_index):
    parents = {"NewsIndexPageFactory": home_page, "NewsPageFactory": news_index}
    kwargs = {}
    if factory_class.__name__ in parents:
        kwargs["parent"] = parents[factory_class.__name__]
    if factory_class.__name__ == "NewsIndexPageFactory":
        kwargs.update(slug="arhiv", slug_ru="arhiv", slug_az="arxiv", slug_en="archive")
    if factory_class.__name__ == "HomePageFactory":
        kwargs.update(parent=home_page.get_parent(), slug="home-2")
    instance = factory_class(**kwargs)
    assert instance.pk
