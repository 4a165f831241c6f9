"""Every public page type, in every language: axe-core and the Nu HTML Checker.

The pages are found in the demo site itself: one check list per page model, and a
test that fails when the demo site holds a live public page of a type that has no
check list (or a page model has no demo page), so a new page type is never
silently left out. Forms are also checked as re-rendered with their errors, and
every page for references by id that point nowhere and for passages in another
language without their own `lang`.

The demo content is loaded and crawled once, in every language, by whichever test
asks first, and the Nu HTML Checker runs once over all the pages (a Java start
and the seeding cost more than checking a page); each language's test then
asserts on its own pages, so a failure names the page and the language.
"""

import dataclasses
import json
import shutil
import subprocess
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone, translation

from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site, get_page_models

import pytest

from cooperation.models import HearingPage, Region
from home.models import NewsTag
from training.models import Trainer, TrainingSessionPage
from training.services import registration_refusal

from .conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("ru", "az", "en")
# Page models with no public page of their own: the tree's root is no page.
NOT_PUBLIC = {"wagtailcore.page"}

# Text in another of the site's languages must carry its own `lang` (WCAG 3.1.2),
# which neither checker tests. Cyrillic letters and "ə ğ ı" tell Russian and
# Azerbaijani apart from the language around them; proper names are exempt, so
# only three or more such words in one block (or attribute) count as a passage.
UNTAGGED_PASSAGES = r"""
() => {
  const letters = { ru: /[\u0400-\u04ff]/, az: /[əƏğĞıİ]/ };
  const langOf = (element) =>
    ((element.closest("[lang]") || document.documentElement).lang || "").split("-")[0];
  const blockOf = (element) => {
    while (element.parentElement && getComputedStyle(element).display.startsWith("inline")) {
      element = element.parentElement;
    }
    return element;
  };
  const counts = new Map();
  const count = (key, sample, lang, text) => {
    for (const [code, pattern] of Object.entries(letters)) {
      if (code === lang) continue;
      const words = text.split(/\s+/).filter((word) => pattern.test(word)).length;
      if (!words) continue;
      const entry = counts.get(key + code) || { code, lang, sample, words: 0 };
      entry.words += words;
      counts.set(key + code, entry);
    }
  };
  const blocks = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent.closest("script, style, template")) continue;
    const block = blockOf(parent);
    if (!blocks.has(block)) blocks.set(block, blocks.size);
    count(`text${blocks.get(block)}`, block.textContent.trim().slice(0, 80),
      langOf(parent), walker.currentNode.textContent);
  }
  document.querySelectorAll("[alt], [title], [aria-label], [placeholder]").forEach((element, index) => {
    for (const name of ["alt", "title", "aria-label", "placeholder"]) {
      const value = element.getAttribute(name) || "";
      count(`${name}${index}`, value.slice(0, 80), langOf(element), value);
    }
  });
  return [...counts.values()]
    .filter((entry) => entry.words >= 3)
    .map((entry) => `${entry.code} text marked ${entry.lang}: ${entry.sample}`);
}
"""
# References by id that point nowhere: a field whose aria-describedby names a
# missing element is announced without its error. axe only lists these as
# "needs review" and the Nu HTML Checker does not follow aria-describedby.
BROKEN_REFERENCES = r"""
() => {
  const names = ["for", "aria-describedby", "aria-labelledby", "aria-controls"];
  const selector = "label[for], [aria-describedby], [aria-labelledby], [aria-controls]";
  return [...document.querySelectorAll(selector)].flatMap((element) =>
    names.flatMap((name) =>
      (element.getAttribute(name) || "").split(/\s+/)
        .filter((id) => id && !document.getElementById(id))
        .map((id) => `${element.outerHTML.slice(0, 80)}: ${name} ${id}`)
    )
  );
}
"""

# Pages checked with the Azerbaijani texts removed, where calendar items, filter
# choices, partner timelines and session places show fallback texts.
FALLBACK_CHECKS = {
    "untranslated-calendar-month",
    "untranslated-partner-region",
    "untranslated-partner-organisation",
    "untranslated-training-index",
    "untranslated-trainer",
    "untranslated-programme",
    "untranslated-session",
    "untranslated-session-open",
}


@dataclasses.dataclass
class Check:
    """One state of a public page: an address, then optionally a form sent."""

    name: str
    path: str
    # A form's CSS selector: the page is checked again after sending this form.
    submit: str = ""
    fill: dict[str, str] = dataclasses.field(default_factory=dict)
    tick: tuple[str, ...] = ()
    # What the check expects: the status of the last response, and an element
    # that shows the page is in the intended state (e.g. a form's errors).
    status: int = 200
    expect: str = ""
    # Run just before the page is opened (e.g. to open a hearing for questions).
    before: Callable | None = None
    # Further checks found on the page reached (e.g. the cancel link).
    follow: Callable | None = None


def label(model) -> str:
    return model._meta.label_lower


def first_region_slug() -> str:
    return Region.objects.order_by("pk").values_list("slug", flat=True).first()


def home_checks(page) -> list[Check]:
    return [Check("home", page.url)]


def news_index_checks(page) -> list[Check]:
    tag = NewsTag.objects.order_by("pk").first()
    return [
        Check("news-index", page.url),
        Check("news-index-by-year", page.url + "?year=2017"),
        Check("news-index-by-tag", page.url + f"?tag={tag.slug}&year=2017"),
        Check("news-index-empty", page.url + "?year=1990"),
    ]


def calendar_checks(page) -> list[Check]:
    region = first_region_slug()
    return [
        Check("calendar-month", page.url),
        Check("calendar-month-2017-06", page.url + "?month=2017-06"),
        Check("calendar-month-filtered", page.url + f"?month=2017-06&region={region}"),
        Check("calendar-agenda", page.url + "?view=agenda"),
        Check("calendar-agenda-filtered", page.url + "?view=agenda&kind=training"),
    ]


def event_index_checks(page) -> list[Check]:
    region = first_region_slug()
    return [
        Check("events-index", page.url),
        Check("events-index-filtered", page.url + f"?kind=visit&region={region}"),
        Check("events-index-empty", page.url + "?kind=hearing&status=cancelled"),
    ]


def hearing_checks(page) -> list[Check]:
    form = "form.submission-form"
    return [
        Check(
            "hearing-closed",
            page.url,
            before=lambda: set_hearing_open(page, False),
            expect="#participation:not(:has(form))",
        ),
        Check(
            "hearing-open",
            page.url,
            before=lambda: set_hearing_open(page, True),
            expect=form,
        ),
        Check(
            "hearing-form-errors",
            page.url,
            submit=form,
            fill={"email": "not-an-address"},
            expect=f"{form} .error",
        ),
        Check(
            "hearing-form-sent",
            page.url,
            submit=form,
            fill={
                "name": "Aysel",
                "email": "aysel@example.org",
                "text": "Elektron xidmətlər haqqında sualım var.",
            },
            tick=("consent",),
            expect=".messages",
        ),
    ]


def partner_checks(page) -> list[Check]:
    kind = "region" if page.region_id else "organisation"
    return [Check(f"partner-{kind}", page.url)]


def memorandum_index_checks(page) -> list[Check]:
    region = first_region_slug()
    return [
        Check("memoranda-register", page.url),
        Check(
            "memoranda-register-filtered",
            page.url + f"?region={region}&in_force=1&sort=title",
        ),
        Check("memoranda-register-empty", page.url + "?year=1990"),
    ]


def training_index_checks(page) -> list[Check]:
    checks = [Check("training-index", page.url)]
    trainer = Trainer.objects.filter(sessions__live=True).order_by("pk").first()
    if trainer is not None:
        checks.append(
            Check(
                "trainer",
                page.url
                + page.reverse_subpage("trainer", kwargs={"slug": trainer.slug}),
            )
        )
    return checks


def session_checks(first) -> list[Check]:
    """Check the first session, then one open for registration with its form."""
    page = open_session()
    form = "form.training-form"
    language = translation.get_language()

    def cancel_link(tab) -> list[Check]:
        link = tab.query_selector("a[href*='/registrations/cancel/']")
        if link is None:
            return []
        href = link.get_attribute("href")
        return [
            Check("registration-cancel", href, expect="main form"),
            Check(
                "registration-cancelled",
                href,
                submit="main form",
                expect=".training-result",
            ),
        ]

    return [
        Check("session", first.url),
        Check("session-open", page.url, expect=form),
        Check(
            "session-form-errors",
            page.url,
            submit=form,
            fill={"email": "not-an-address"},
            expect=f"{form} .field-error",
        ),
        Check(
            "session-registered",
            page.url,
            submit=form,
            fill={
                "name": "Leyla Aliyeva",
                "email": f"leyla.{language}@example.org",
                "organisation": "ASAN",
            },
            tick=("consent",),
            expect=".training-result",
            follow=cancel_link,
        ),
    ]


def simple(name: str) -> Callable:
    return lambda page: [Check(name, page.url)]


CHECKS: dict[str, Callable] = {
    "home.homepage": home_checks,
    "home.newsindexpage": news_index_checks,
    "home.newspage": simple("news-article"),
    "home.calendarpage": calendar_checks,
    "cooperation.eventindexpage": event_index_checks,
    "cooperation.visitpage": simple("visit"),
    "cooperation.meetingpage": simple("meeting"),
    "cooperation.hearingpage": hearing_checks,
    "cooperation.partnerindexpage": simple("partner-index"),
    "cooperation.partnerpage": partner_checks,
    "memoranda.memorandumindexpage": memorandum_index_checks,
    "memoranda.memorandumpage": simple("memorandum"),
    "training.trainingindexpage": training_index_checks,
    "training.trainingprogrammepage": simple("programme"),
    "training.trainingsessionpage": session_checks,
}


def public_pages() -> list[Page]:
    """Return the live public pages of the default site, in tree order."""
    root = Site.objects.get(is_default_site=True).root_page
    return list(
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .order_by("path")
        .specific()
    )


def open_session() -> TrainingSessionPage:
    """Return a demo session that takes registrations now."""
    now = timezone.now()
    for session in TrainingSessionPage.objects.live().public().order_by("path"):
        if registration_refusal(session, now) is None:
            return session
    raise AssertionError("the demo content has no session open for registration")


def set_hearing_open(page: HearingPage, accepting: bool) -> None:
    """Publish the demo hearing as taking questions or not, to check both forms."""
    hearing = HearingPage.objects.get(pk=page.pk)
    hearing.status = (
        HearingPage.Status.PLANNED if accepting else HearingPage.Status.COMPLETED
    )
    hearing.submissions_close_at = None
    hearing.save_revision().publish()


def checks_for(language: str) -> list[Check]:
    """Return every check in `language`: per page type, plus site-wide views."""
    with translation.override(language):
        pages = public_pages()
        seen: dict[str, Page] = {}
        checks: list[Check] = []
        for page in pages:
            key = label(type(page))
            if key == "cooperation.partnerpage":
                key = f"{key}:{'region' if page.region_id else 'organisation'}"
            if key in seen:
                continue
            seen[key] = page
            checks += CHECKS[label(type(page))](page)
        checks += [
            Check("search-results", f"/{language}/search/?q=ASAN"),
            Check("search-no-results", f"/{language}/search/?q=zzqqxxyy"),
            Check("search-no-query", f"/{language}/search/"),
            Check("not-found", f"/{language}/no-such-page/", status=404),
            Check(
                "registration-cancel-invalid",
                f"/{language}/registrations/cancel/no-such-token/",
                status=404,
            ),
        ]
    return checks


def test_every_public_page_type_is_checked(crawl):
    assert crawl.page_types - set(CHECKS) == set(), "public page types unchecked"
    models = {label(model) for model in get_page_models()} - NOT_PUBLIC
    assert models - crawl.page_types == set(), "page types with no public demo page"
    assert crawl.partner_kinds == {"region", "organisation"}


def run_check(tab, base: str, check: Check) -> tuple[int, str]:
    """Open the check's page (and send its form); return status and raw HTML."""
    if check.before:
        check.before()
    response = tab.goto(base + check.path if check.path.startswith("/") else check.path)
    if check.submit:
        for name, value in check.fill.items():
            tab.fill(f"{check.submit} [name='{name}']", value)
        for name in check.tick:
            tab.check(f"{check.submit} [name='{name}']")
        with tab.expect_navigation() as navigation:
            tab.click(f"{check.submit} button[type='submit']")
        response = navigation.value
    return response.status, response.text()


def axe_violations(tab) -> list[dict]:
    """Run every axe-core rule on the page; return its violations of any impact."""
    tab.add_script_tag(path=str(AXE))
    # Details of passing and incomplete rules are not needed, and skipping them
    # halves the run time; every rule still runs.
    result = tab.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    assert result["passes"], "axe-core ran no rule"
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def vnu_errors(documents: list[Path]) -> dict[Path, list[str]]:
    """Run the Nu HTML Checker once over every document; return errors per file."""
    checked = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, documents),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    errors: dict[Path, list[str]] = {}
    for message in json.loads(checked.stderr or checked.stdout)["messages"]:
        if message.get("type") in ("error", "non-document-error"):
            document = Path(urllib.parse.urlparse(message.get("url", "")).path)
            errors.setdefault(document, []).append(
                f"line {message.get('lastLine')}: {message.get('message')} "
                f"[{message.get('extract', '').strip()}]"
            )
    return errors


@dataclasses.dataclass
class Crawl:
    """What the checkers found, per language and page, on the demo site."""

    page_types: set[str] = dataclasses.field(default_factory=set)
    partner_kinds: set[str] = dataclasses.field(default_factory=set)
    problems: dict[str, dict[str, object]] = dataclasses.field(default_factory=dict)
    names: set[str] = dataclasses.field(default_factory=set)
    # Set once every language has been crawled and checked; a crawl that broke
    # off leaves its error here so that no test passes on partial findings.
    finished: bool = False
    error: str = ""


CRAWL = Crawl()


def run_crawl(base: str, tab) -> None:
    """Check every page state in every language; fill CRAWL with the findings."""
    pages = public_pages()
    CRAWL.page_types = {label(type(page)) for page in pages}
    CRAWL.partner_kinds = {
        "region" if page.region_id else "organisation"
        for page in pages
        if label(type(page)) == "cooperation.partnerpage"
    }
    documents: list[Path] = []
    for language in LANGUAGES:
        documents += crawl_language(base, tab, language, checks_for(language))
    # The demo content is translated in full, so fallbacks are never shown above.
    # With the Azerbaijani texts removed, every page shows Russian instead, which
    # must then be marked as Russian.
    blank_translations("az")
    untranslated = [
        dataclasses.replace(check, name=f"untranslated-{check.name}")
        for check in checks_for("az")
        if not check.submit
        and ("?" not in check.path or check.name == "search-results")
    ]
    documents += crawl_language(base, tab, "az", untranslated, "axe-untranslated")
    for document, errors in vnu_errors(documents).items():
        CRAWL.problems[document.parent.name][f"vnu {document.stem}"] = errors


def crawl_language(
    base: str, tab, language: str, pending: list[Check], report_name: str = "axe"
) -> list[Path]:
    """Run `pending` checks; note problems under `language`; return the pages."""
    problems = CRAWL.problems.setdefault(language, {})
    report: dict[str, list] = {}
    # Kept after the run so that a failure can be read in the HTML checked.
    folder = ROOT / "build" / "a11y" / language
    if report_name == "axe":
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    documents = []
    while pending:
        check = pending.pop(0)
        status, html = run_check(tab, base, check)
        key = f"{check.name} ({tab.url.removeprefix(base)})"
        if status != check.status:
            problems[f"status {key}"] = status
        elif check.expect and tab.query_selector(check.expect) is None:
            problems[f"not in the state checked {key}"] = check.expect
        elif check.follow:
            found = check.follow(tab)
            if not found:
                problems[f"nothing to follow on {key}"] = check.name
            pending += found
        broken = tab.evaluate(BROKEN_REFERENCES)
        if broken:
            problems[f"references {key}"] = broken
        untagged = tab.evaluate(UNTAGGED_PASSAGES)
        if untagged:
            problems[f"lang {key}"] = untagged
        violations = axe_violations(tab)
        report[check.name] = violations
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[f"axe {key}"] = serious
        CRAWL.names.add(check.name)
        document = folder / f"{check.name}.html"
        if document.exists():
            problems[f"checked twice {key}"] = check.name
        document.write_text(html, encoding="utf-8")
        documents.append(document)
    # Every impact, for whoever improves the pages beyond the bar tested here.
    (folder / f"{report_name}.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return documents


def blank_translations(language: str) -> None:
    """Empty every translated text in `language`, as if nobody had written it."""
    for model in translator.get_registered_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        fields = set(translator.get_options_for_model(model).fields)
        # Addresses stay: an untranslated page keeps its own slug.
        names = [
            build_localized_fieldname(field, language)
            for field in fields - {"slug", "url_path"}
            if field in {f.name for f in model._meta.local_fields}
        ]
        if names:
            model.objects.update(**dict.fromkeys(names, ""))
    # Cached listings and calendars learn of edits from saves and publishing,
    # which a bulk update does not send.
    cache.clear()


@pytest.fixture
def crawl(live_server, page) -> Crawl:
    if not AXE.exists() or not VNU.exists():
        pytest.skip("axe-core and vnu-jar are not installed; `make e2e` installs them")
    if not shutil.which("java"):
        pytest.skip("no java for the Nu HTML Checker")
    if CRAWL.error:
        pytest.fail(f"the crawl of the demo site broke off: {CRAWL.error}")
    if not CRAWL.finished:
        try:
            call_command("seed_demo", verbosity=0)
            run_crawl(live_server.url, page)
        except Exception as error:
            CRAWL.error = repr(error)
            raise
        CRAWL.finished = True
    return CRAWL


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_serious_accessibility_or_html_errors(language, crawl):
    problems = crawl.problems[language]
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_fallback_texts_of_calendar_timeline_and_places_are_checked(crawl):
    # Their untagged passages fail the language's test above.
    assert not FALLBACK_CHECKS - crawl.names, "a page listed was not checked"
