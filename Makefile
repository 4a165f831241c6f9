# Ulyanovsk – Azerbaijan cooperation site. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test e2e bench load audit lint format messages check-messages deploy-check setup-db clean browser compile gettext

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/bin/activate:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...).")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/activate requirements.txt
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

compile: $(VENV)/.installed
	@$(MANAGE) compile_translations

setup-db: $(VENV)/.installed compile ## Migrate, sync translation fields, load demo content, ensure an admin
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields
	$(MANAGE) set_translation_url_paths
	$(MANAGE) seed_demo
	$(MANAGE) ensure_admin

run: setup-db ## Set up everything and serve on http://127.0.0.1:8000
	@echo ""
	@echo "  Public site:  http://$(HOST):$(PORT)/  (Русский /ru/, Azərbaycanca /az/, English /en/)"
	@echo "  Admin:        http://$(HOST):$(PORT)/admin/  user: admin, password: as printed above"
	@echo "                (or DJANGO_SUPERUSER_PASSWORD at first run; reset: $(MANAGE) changepassword admin)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev compile ## Install what the tests need and run them
	$(PY) -m pytest $(PYTEST_ARGS)

browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null; }
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

e2e: $(VENV)/.installed-dev compile browser node_modules/.installed ## Browser journeys, axe-core and Nu HTML checks (Debian Chromium)
	$(PY) -m pytest tests/e2e -m e2e -p no:cacheprovider $(PYTEST_ARGS)

bench: $(VENV)/.installed compile ## Seed bulk data, serve with gunicorn, measure (build/bench.json)
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/run.py $(BENCH_ARGS)

load: $(VENV)/.installed compile ## Visitors read and register while the database restarts; nothing lost (build/load.json)
	$(PY) load/run.py

$(VENV)/.installed-audit: $(VENV)/.installed requirements-audit.txt
	$(PY) -m pip install --quiet -r requirements-audit.txt
	@touch $@

audit: $(VENV)/.installed-audit ## Supply chain: bandit on the project, pip-audit on the pinned requirements
	$(VENV)/bin/bandit --quiet --recursive config home cooperation memoranda training --exclude '*/migrations/*'
	$(PY) .ci/pip_audit.py

lint: $(VENV)/.installed-dev ## ruff lint and format check, migrations check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed-dev ## Format and auto-fix with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

gettext:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)

messages: $(VENV)/.installed gettext ## Update locale/{ru,az,en} from the source and compile them
	$(MANAGE) makemessages --no-obsolete --no-location -l ru -l az -l en --ignore=.venv --ignore=build --ignore=node_modules --ignore=tests --ignore=bench --ignore=load
	@# English is the source language: an empty English entry takes its msgid.
	@$(PY) -c 'import polib; po = polib.pofile("locale/en/LC_MESSAGES/django.po"); [(setattr(e, "msgstr", e.msgid), e.flags.remove("fuzzy")) for e in po if not e.msgid_plural and "fuzzy" in e.flags]; [setattr(e, "msgstr", e.msgid) for e in po if not e.msgid_plural and not e.msgstr]; [setattr(e, "msgstr_plural", {0: e.msgid, 1: e.msgid_plural}) for e in po if e.msgid_plural and not all(e.msgstr_plural.values())]; po.save()'
	$(MANAGE) compile_translations
	@for po in locale/*/LC_MESSAGES/django.po; do \
	  n=$$(msgattrib --untranslated --no-obsolete $$po | grep -c '^msgid ' || true); \
	  [ "$${n:-0}" -le 1 ] || echo "$$po: $$((n - 1)) strings still need a translation"; \
	done

check-messages: gettext ## msgfmt --check every catalogue; fail on empty or fuzzy entries
	@for po in locale/*/LC_MESSAGES/django.po locale/admin/*/LC_MESSAGES/*.po; do \
	  [ -f $$po ] || continue; \
	  msgfmt --check -o /dev/null $$po || exit 1; \
	  n=$$(msgattrib --untranslated --no-obsolete $$po | grep -c '^msgid ' || true); \
	  [ "$${n:-0}" -le 1 ] || { echo "$$po has untranslated strings"; exit 1; }; \
	  n=$$(msgattrib --only-fuzzy --no-obsolete $$po | grep -c '^msgid ' || true); \
	  [ "$${n:-0}" -le 1 ] || { echo "$$po has fuzzy strings"; exit 1; }; \
	done; echo "catalogues OK"

deploy-check: $(VENV)/.installed ## Django's deploy check with production settings
	DJANGO_SETTINGS_MODULE=config.settings.production \
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=coop.example.org \
	DATABASE_URL=sqlite:///$(CURDIR)/build/deploy-check.sqlite3 \
	REDIS_URL=redis://127.0.0.1:6379/0 \
	$(MANAGE) check --deploy --fail-level WARNING

clean: ## Remove the virtualenv, database, media and build output
	rm -rf $(VENV) db.sqlite3 media build .pytest_cache .ruff_cache
