"""Print read-beacon throughput through granian (2 workers) with wrk, beside redis-benchmark
and beside granian answering 204 with an empty application (bench/empty_wsgi.py).

Every beacon is a new reader (a new address in X-Real-IP, a browser's user
agent), so each one is de-duplicated, rate-checked and counted: the full write
path.
Runs on the database store, then on Redis when REDIS_URL is set, and checks
that every acknowledged beacon was counted. Needs wrk, redis-benchmark and a
demo database (NEWSDESK_VAR_DIR; see bench/reads_selectors.py).

    NEWSDESK_VAR_DIR=/tmp/copy REDIS_URL=redis://127.0.0.1:6379/15 \
        .venv/bin/python bench/reads_beacon.py
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "0"
REDIS_URL = os.environ.pop("REDIS_URL", "")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from newsdesk.analytics.models import StoryReads  # noqa: E402
from newsdesk.analytics.store import read_store  # noqa: E402
from newsdesk.analytics.tokens import read_token_make  # noqa: E402
from newsdesk.articles.models import ArticlePage  # noqa: E402

PORT = 8765
PREFIX = "newsdesk-bench:beacon:"
WRK_LUA = """
-- setup runs in the main state; each thread gets its own number as the global tid.
function setup(thread)
  threads = (threads or 0) + 1
  thread:set("tid", threads)
end
-- Browsers' user agents from a small set, as real traffic has; the address is new
-- for every beacon (and every run: the first number), so each one is a new reader.
local agents = {
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    .. "Chrome/131.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    .. "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) "
    .. "Chrome/131.0 Mobile Safari/537.36",
}
local count = 0
function request()
  count = count + 1
  local headers = {
    ["Content-Type"] = "text/plain",
    ["User-Agent"] = agents[(count % #agents) + 1],
    ["X-Real-IP"] = string.format("2001:db8:%x:%x::%x", __RUN__, tid, count),
  }
  return wrk.format("POST", "/analytics/read/", headers, '{"token": "TOKEN"}')
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.1f %.1f %.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, latency:percentile(50), latency:percentile(99), summary.duration))
end
"""


def server_start(env: dict, *, app: str) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "granian", "--interface", "wsgi", "--workers", "2",
        "--blocking-threads", "2", "--port", str(PORT), "--log-level", "warning", "--no-ws",
        app,
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/analytics/views/0/", timeout=1)  # nosec B310 # a fixed http address on this machine
        except urllib.error.HTTPError:
            return server  # a 404 means it answers
        except OSError:
            time.sleep(0.2)
        else:
            return server
    server_stop(server)
    raise SystemExit("granian did not start")


def server_stop(server: subprocess.Popen) -> None:
    """Stop granian and its workers; a clean stop flushes the database store's buffers."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wrk(script: Path, seconds: int) -> tuple[int, int, float, float, float]:
    """Run wrk; each run's readers are new (__RUN__ in their address), so none is a duplicate."""
    text = script.read_text()
    run_script = script.with_suffix(f".{uuid.uuid4().hex}.lua")
    run_script.write_text(text.replace("__RUN__", str(uuid.uuid4().int % 0xFFFF)))
    script = run_script
    out = subprocess.run(
        ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", "-s", str(script),
         f"http://127.0.0.1:{PORT}/"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    fields = re.search(r"RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)", out).groups()
    requests, errors, p50, p99, micros = fields
    return int(requests), int(errors), float(p50) / 1000, float(p99) / 1000, float(micros) / 1e6


def redis_benchmark() -> str:
    out = subprocess.run(
        ["redis-benchmark", "-t", "incr", "-q", "-n", "200000"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    match = re.search(r"INCR: ([\d.]+) requests per second, p50=([\d.]+) msec", out)
    return f"{float(match.group(1)):>10,.0f}{float(match.group(2)):>9.2f}{'-':>9}"


def counted(label: str, story_id: int) -> int:
    settings.REDIS_URL = REDIS_URL if label == "redis" else ""
    store = read_store()
    store.flush()
    return store.views(article_ids=[story_id]).get(story_id, 0)


def measured(env: dict, *, app: str, script: Path) -> tuple[int, int, float, float, float, int]:
    """Start granian with app, warm it for 5 s, measure 15 s; also return the warm-up's
    acknowledged requests."""
    server = server_start(env, app=app)
    try:
        warm = wrk(script, 5)
        requests, errors, p50, p99, seconds = wrk(script, 15)
    finally:
        server_stop(server)
    return requests, errors, p50, p99, seconds, warm[0] - warm[1]


def row(label: str, requests: int, p50: float, p99: float, seconds: float, note: str) -> None:
    print(f"{label:<22}{requests / seconds:>10,.0f}{p50:>9.2f}{p99:>9.2f}   {note}")


def run(label: str, story_id: int, script: Path) -> None:
    env = {
        **os.environ,
        "NEWSDESK_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "NEWSDESK_ANALYTICS_REDIS_PREFIX": PREFIX,
        "REDIS_URL": REDIS_URL if label == "redis" else "",
    }
    before = counted(label, story_id)
    requests, errors, p50, p99, seconds, warmed = measured(
        env, app="config.wsgi:application", script=script
    )
    acknowledged = warmed + requests - errors
    got = counted(label, story_id) - before
    note = f"errors {errors}, acknowledged {acknowledged:,}, counted {got:,}"
    row(f"beacon, {label}", requests, p50, p99, seconds, note)


def ceiling(script: Path) -> None:
    """Measure granian with an application that only answers 204: what any beacon costs."""
    requests, errors, p50, p99, seconds, _ = measured(
        dict(os.environ), app="bench.empty_wsgi:application", script=script
    )
    note = f"errors {errors}: the app server alone, checking and counting nothing"
    row("granian, empty app", requests, p50, p99, seconds, note)


def main() -> None:
    story = ArticlePage.objects.published().newest_first().first()
    token = read_token_make(article_id=story.pk)
    StoryReads.objects.get_or_create(article_id=story.pk)
    settings.NEWSDESK_ANALYTICS_REDIS_PREFIX = PREFIX
    if REDIS_URL:
        settings.REDIS_URL = REDIS_URL
        read_store().keys_delete()
        read_store().maintain(now=time.time())
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_LUA.replace("TOKEN", token))
    print(f"{'':<22}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}")
    print(f"{'redis-benchmark incr':<22}{redis_benchmark()}")
    ceiling(Path(script.name))
    for label in ["database"] + (["redis"] if REDIS_URL else []):
        run(label, story.pk, Path(script.name))
    print(f"{'redis-benchmark incr':<22}{redis_benchmark()}")
    if REDIS_URL:
        read_store().keys_delete()


if __name__ == "__main__":
    main()
