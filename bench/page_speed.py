"""Print how fast an article page is served, cached and not, beside this machine's limits.

In one run, with wrk at 64 connections after an unmeasured warm-up:
  1. nginx serving a static copy of the article's HTML (the machine's limit);
  2. a minimal Django view returning those bytes from memory, on granian with
     the same workers (the Python ceiling; bench/minimal_wsgi.py);
  3. the article on a page-cache hit through the app server;
  4. the article with the page cache off (every request rendered);
  5. the article behind the shipped nginx config (deploy/nginx.conf.template), the
     app set up for it (NEWSDESK_FRONT_SECURITY_HEADERS).
Then a spike: 1,000 connections for 60 s on cached pages (home, sections,
stories) through the app server, and the RSS of each granian worker.

It builds its own demo newsroom in a temporary var dir (or reuses --var-dir).
Set REDIS_URL to use Redis as the shared page store instead of files.

    .venv/bin/python bench/page_speed.py [--seconds 15] [--spike-seconds 60] [--var-dir DIR]
"""

import argparse
import contextlib
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORKERS = 2
CONNECTIONS = 64
SPIKE_CONNECTIONS = 1000
DEMO_STEPS = [
    ["migrate", "--noinput", "-v0"],
    ["collectstatic", "--noinput", "-v0"],
    ["demo_content", "--if-empty"],
    ["demo_reads"],
    ["demo_comments"],
    ["related_rebuild"],
]
WRK_LUA = """
local paths = {PATHS}
local count = 0
function request()
  count = count + 1
  return wrk.format("GET", paths[(count % #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.1f %.1f %.3f\\n", summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), summary.duration))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=2)  # nosec B310 # our own server on 127.0.0.1
            return
        time.sleep(0.2)
    raise SystemExit(f"Nothing answered at {url}")


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:  # nosec B310 # ours, on 127.0.0.1
        return response.read(), response.headers


class Granian:
    """granian with the flags of `manage.py serve`: one process group, stopped as one."""

    def __init__(self, *, app: str, env: dict):
        self.port = free_port()
        command = [
            PYTHON, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(self.port), "--workers", str(WORKERS), "--blocking-threads", "2",
            "--no-ws", "--log-level", "warning", app,
        ]  # fmt: skip
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}"

    def worker_rss_mb(self) -> list[float]:
        out = subprocess.run(
            ["ps", "-o", "rss=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return sorted(int(kb) / 1024 for kb in out.split())

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


class Nginx:
    """Debian's nginx run from the shipped template, in front of `app`."""

    def __init__(self, *, prefix: Path, app: str, static_root: Path, media_root: Path):
        prefix.mkdir(parents=True, exist_ok=True)
        prefix.chmod(0o755)  # the workers run as another user and write the cache here
        self.port = free_port()
        config = (ROOT / "deploy" / "nginx.conf.template").read_text()
        for name, value in {
            "PREFIX": prefix, "APP": app, "LISTEN": f"127.0.0.1:{self.port}",
            "STATIC_ROOT": static_root, "MEDIA_ROOT": media_root,
        }.items():  # fmt: skip
            config = config.replace(f"@{name}@", str(value))
        (prefix / "nginx.conf").write_text(config)
        self.prefix = prefix
        subprocess.run(["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf")], check=True)
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        pid_file = self.prefix / "nginx.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text()), signal.SIGTERM)
            time.sleep(0.5)


def wrk(base: str, paths: list[str], *, seconds: int, connections: int, script_dir: Path):
    script = script_dir / f"paths-{len(paths)}.lua"
    listed = ", ".join(f'"{p}"' for p in paths)
    script.write_text(WRK_LUA.replace("{PATHS}", "{" + listed + "}"))
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fields = re.search(r"RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)", out).groups()
    requests, socket_errors, status_errors = (int(v) for v in fields[:3])
    p50, p99, micros = (float(v) for v in fields[3:])
    return {
        "rps": requests / (micros / 1e6),
        "p50": p50 / 1000,
        "p99": p99 / 1000,
        "errors": socket_errors + status_errors,
        "requests": requests,
    }


def measure(base: str, paths: list[str], *, seconds: int, script_dir: Path) -> dict:
    wrk(base, paths, seconds=5, connections=CONNECTIONS, script_dir=script_dir)  # warm-up
    return wrk(base, paths, seconds=seconds, connections=CONNECTIONS, script_dir=script_dir)


def demo_build(var_dir: Path, env: dict) -> None:
    if (var_dir / "newsdesk.sqlite3").exists() and not os.environ.get("DATABASE_URL"):
        return
    print(f"Building the demo newsroom in {var_dir} ...", flush=True)
    for step in DEMO_STEPS:
        done = subprocess.run(
            [PYTHON, "manage.py", *step], env=env, cwd=ROOT, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(f"manage.py {' '.join(step)} failed:\n{done.stderr}")


def pages_pick(env: dict) -> tuple[str, list[str]]:
    """The newest story's path, and a mix of cached pages for the spike."""
    code = (
        "import django; django.setup()\n"
        "from newsdesk.articles.models import ArticlePage, SectionPage\n"
        "stories = [s.url for s in ArticlePage.objects.published().newest_first()[:20]]\n"
        "sections = [s.url for s in SectionPage.objects.live()]\n"
        "print(' '.join(stories)); print(' '.join(['/', *sections]))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    stories, fronts = out[-2].split(), out[-1].split()
    return stories[0], stories + fronts


def row(label: str, result: dict, reference: dict | None = None) -> str:
    ratio = f"{result['rps'] / reference['rps']:.2f}x" if reference else ""
    return (
        f"{label:<44}{result['rps']:>10,.0f}{result['p50']:>9.2f}{result['p99']:>9.2f}"
        f"{result['errors']:>8}  {ratio}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--spike-seconds", type=int, default=60)
    parser.add_argument("--var-dir", type=Path, default=None)
    options = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 16384), hard))
    work = Path(tempfile.mkdtemp(prefix="newsdesk-page-speed-"))
    work.chmod(0o755)  # nginx's workers, another user, read the static copy and write their cache
    var_dir = options.var_dir or work / "var"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEBUG": "0",
        "NEWSDESK_VAR_DIR": str(var_dir), "PYTHONPATH": str(ROOT),
    }  # fmt: skip
    demo_build(var_dir, env)
    article, spike_paths = pages_pick(env)
    load_before = os.getloadavg()
    results, servers = {}, []
    try:
        cached = Granian(app="config.wsgi:application", env={**env, "NEWSDESK_PAGE_CACHE": "1"})
        servers.append(cached)
        wait_for(cached.base + article)
        body, _ = fetch(cached.base + article)
        _, headers = fetch(cached.base + article)
        assert headers.get("X-Page-Cache") == "HIT", headers
        static_root = work / "static-copy"
        (static_root / "static").mkdir(parents=True)
        (static_root / "static" / "article.html").write_bytes(body)
        body_file = static_root / "static" / "article.html"

        static = Nginx(
            prefix=work / "nginx-static",
            app=f"127.0.0.1:{cached.port}",
            static_root=static_root / "static",
            media_root=var_dir / "media",
        )
        servers.append(static)
        results["static"] = measure(
            static.base, ["/static/article.html"], seconds=options.seconds, script_dir=work
        )
        static.stop()

        minimal = Granian(
            app="bench.minimal_wsgi:application", env={**env, "PAGE_SPEED_BODY": str(body_file)}
        )
        servers.append(minimal)
        wait_for(minimal.base + "/")
        results["minimal"] = measure(
            minimal.base, [article], seconds=options.seconds, script_dir=work
        )
        minimal.stop()

        results["hit"] = measure(cached.base, [article], seconds=options.seconds, script_dir=work)

        uncached = Granian(app="config.wsgi:application", env={**env, "NEWSDESK_PAGE_CACHE": "0"})
        servers.append(uncached)
        wait_for(uncached.base + article)
        assert "X-Page-Cache" not in fetch(uncached.base + article)[1]
        results["cold"] = measure(
            uncached.base, [article], seconds=options.seconds, script_dir=work
        )
        uncached.stop()

        # As deployed behind the front: the app leaves it the readers' security headers.
        behind = Granian(
            app="config.wsgi:application",
            env={**env, "NEWSDESK_PAGE_CACHE": "1", "NEWSDESK_FRONT_SECURITY_HEADERS": "1"},
        )
        servers.append(behind)
        wait_for(behind.base + article)
        front = Nginx(
            prefix=work / "nginx-front",
            app=f"127.0.0.1:{behind.port}",
            static_root=var_dir / "static",
            media_root=var_dir / "media",
        )
        servers.append(front)
        results["front"] = measure(front.base, [article], seconds=options.seconds, script_dir=work)
        front.stop()
        behind.stop()

        for path in spike_paths:  # every spike page cached before the spike
            fetch(cached.base + path)
        results["spike"] = wrk(
            cached.base,
            spike_paths,
            seconds=options.spike_seconds,
            connections=SPIKE_CONNECTIONS,
            script_dir=work,
        )
        rss = cached.worker_rss_mb()
    finally:
        for server in servers:
            server.stop()
        # The built demo database, nginx's caches, the static copy; a --var-dir is elsewhere.
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()

    store = "Redis" if os.environ.get("REDIS_URL") else "files"
    print(
        f"\nArticle {article} ({len(body):,} bytes); page store: {store}; "
        f"granian {WORKERS} workers; wrk -t2 -c{CONNECTIONS}, {options.seconds} s each"
    )
    print(f"{'':<44}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    print(row("1 nginx, static copy (the limit)", results["static"]))
    print(row("2 minimal Django view, granian", results["minimal"]))
    print(row("3 article, page-cache hit (vs 2)", results["hit"], results["minimal"]))
    print(row("4 article, page cache off", results["cold"]))
    print(row("5 article behind deploy/nginx (vs 1)", results["front"], results["static"]))
    print(
        row(
            f"spike: {SPIKE_CONNECTIONS} conn, {options.spike_seconds} s, "
            f"{len(spike_paths)} cached pages",
            results["spike"],
        )
    )
    print(f"granian worker RSS after the spike: {', '.join(f'{mb:.0f} MB' for mb in rss)}")
    print(
        f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
        f"(1 min; {os.cpu_count()} CPUs seen)"
    )
    print("Targets: 3 >= 0.9x 2; 5 >= 0.8x 1; 4 >= 350 req/s; spike 0 errors.")


if __name__ == "__main__":
    main()
