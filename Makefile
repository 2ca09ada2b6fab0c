# Newsdesk. `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test lint fmt bench check clean fuzz

$(VENV)/.base-installed: requirements/base.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/base.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.base-installed requirements/test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the browser tests will skip (axe-core comes from npm)."; fi

# The site runs with DEBUG off so readers see what production shows (custom 404/500).
run: export DEBUG ?= 0
run: $(VENV)/.base-installed
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py demo_content --if-empty
	$(PY) manage.py demo_reads
	$(PY) manage.py demo_comments
	$(PY) manage.py related_rebuild
	$(PY) manage.py demo_logins
	$(PY) manage.py serve

test: $(VENV)/.test-installed node_modules/.installed
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest

# Security lint: bandit at medium severity and confidence, then the project's own
# semgrep rules (.semgrep/, offline) and their examples. Waivers sit on the flagged
# line with their reason: "# nosec BXXX" and "# nosemgrep: <rule id>".
SEMGREP_SCAN := scan --metrics=off --disable-version-check --quiet

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -q -r newsdesk config bench -x '*/migrations/*' \
		--severity-level medium --confidence-level medium
	$(VENV)/bin/semgrep $(SEMGREP_SCAN) --error --config .semgrep/django-security.yml newsdesk config bench
	cd .semgrep && ../$(VENV)/bin/semgrep $(SEMGREP_SCAN) --test .

# The fuzz tests with thousands of fresh random examples each, where the suite runs
# 60 fixed ones (newsdesk/core/tests/fuzz.py): about 25 minutes on two shared cores.
fuzz: $(VENV)/.test-installed
	HYPOTHESIS_PROFILE=long DJANGO_SETTINGS_MODULE=config.settings.test \
		$(PY) -m pytest -q newsdesk/*/tests/test_fuzz.py

fmt: $(VENV)/.test-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: $(VENV)/.base-installed
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-key-for-deploy-checks \
		ALLOWED_HOSTS=news.example $(PY) manage.py check --deploy --fail-level WARNING

bench: $(VENV)/.test-installed
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules var
