"""Factories for the project's models (factory_boy and wagtail-factories)."""

import datetime

import factory
import wagtail_factories

from home.models import HomePage, NewsIndexPage, NewsPage, NewsTag


class NewsTagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsTag
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_ru = factory.Sequence(lambda n: f"Тема {n}")
    name_az = factory.Sequence(lambda n: f"Mövzu {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Главная"
    title_ru = "Главная"
    title_az = "Ana səhifə"
    title_en = "Home"
    slug = "home"
    intro_ru = "Сотрудничество Ульяновской области и Азербайджана."
    intro_az = "Ulyanovsk vilayəti ilə Azərbaycanın əməkdaşlığı."
    intro_en = "Cooperation of Ulyanovsk Oblast and Azerbaijan."


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Новости"
    title_ru = "Новости"
    title_az = "Xəbərlər"
    title_en = "News"
    slug = "novosti"
    slug_ru = "novosti"
    slug_az = "xeberler"
    slug_en = "news"
    show_in_menus = True


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Новость {n}")
    title_ru = factory.LazyAttribute(lambda o: o.title)
    title_az = factory.Sequence(lambda n: f"Xəbər {n}")
    title_en = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"novost-{n}")
    slug_ru = factory.LazyAttribute(lambda o: o.slug)
    slug_az = factory.Sequence(lambda n: f"xeber-{n}")
    slug_en = factory.Sequence(lambda n: f"news-item-{n}")
    date = factory.Sequence(
        lambda n: datetime.date(2017, 1, 1) + datetime.timedelta(days=n)
    )
    lead_ru = "Краткое содержание."
    lead_az = "Qısa məzmun."
    lead_en = "A short summary."
    body_ru = "<p>Текст новости.</p>"
    body_az = "<p>Xəbərin mətni.</p>"
    body_en = "<p>The text of the article.</p>"
