"""Every public page type, in every language: axe-core and the Nu HTML Checker."""

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from home.demo_content.news import NEWS

from .conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("ru", "az", "en")
INDEX_SLUGS = {"ru": "novosti", "az": "xeberler", "en": "news"}


def public_paths(language: str) -> dict[str, str]:
    """Return one address per public page type in `language`."""
    news = INDEX_SLUGS[language]
    return {
        "home": f"/{language}/",
        "news-index": f"/{language}/{news}/",
        "news-filtered": f"/{language}/{news}/?year=2017",
        "news-article": f"/{language}/{news}/{NEWS[0]['slug'][language]}/",
        "search": f"/{language}/search/?q=ASAN",
        "not-found": f"/{language}/no-such-page/",
    }


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (loopback only)
            return response.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()


def test_public_pages_have_no_serious_accessibility_or_html_errors(
    demo_site, page, tmp_path
):
    if not AXE.exists() or not VNU.exists():
        pytest.skip("axe-core and vnu-jar are not installed; `make e2e` installs them")
    if not shutil.which("java"):
        pytest.skip("no java for the Nu HTML Checker")
    problems: dict[str, list] = {}
    documents: list[Path] = []
    for language in LANGUAGES:
        for name, path in public_paths(language).items():
            url = demo_site + path
            page.goto(url)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("async () => await axe.run(document)")
            serious = [
                {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            if serious:
                problems[f"axe {language} {name}"] = serious
            document = tmp_path / f"{language}-{name}.html"
            document.write_text(fetch(url), encoding="utf-8")
            documents.append(document)
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
    )
    for message in json.loads(checked.stderr or checked.stdout or '{"messages": []}')[
        "messages"
    ]:
        if message.get("type") == "error":
            key = f"vnu {Path(message.get('url', '')).name}"
            problems.setdefault(key, []).append(
                f"{message.get('lastLine')}: {message.get('message')}"
            )
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
