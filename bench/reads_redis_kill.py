"""Print how many acknowledged beacons survive a kill -9 of Redis running AOF everysec.

Starts its own redis-server (a temporary directory, another port; the
machine's Redis is not touched) and granian on the Redis store, sends new
readers' beacons with wrk, kills Redis with SIGKILL half-way, restarts it on
the same AOF file, then moves what Redis holds to the database and compares
with what the app acknowledged (HTTP 204). Needs a demo database
(NEWSDESK_VAR_DIR, see bench/reads_selectors.py), wrk and redis-server.
"""

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
PORT = 6391
os.environ["REDIS_URL"] = f"redis://127.0.0.1:{PORT}/0"

import reads_beacon as beacon  # noqa: E402
from django.conf import settings  # noqa: E402

from newsdesk.analytics.store import read_store  # noqa: E402
from newsdesk.analytics.tokens import read_token_make  # noqa: E402
from newsdesk.articles.models import ArticlePage  # noqa: E402

SECONDS, KILL_AT, DOWN_FOR = 12, 5, 1.0


def redis_start(directory: str) -> subprocess.Popen:
    server = subprocess.Popen(
        ["redis-server", "--port", str(PORT), "--dir", directory, "--appendonly", "yes",
         "--appendfsync", "everysec", "--save", "", "--daemonize", "no", "--loglevel", "warning"],
    )  # fmt: skip
    for _ in range(50):
        if (
            subprocess.run(["redis-cli", "-p", str(PORT), "ping"], capture_output=True).returncode
            == 0
        ):
            return server
        time.sleep(0.1)
    raise SystemExit("redis-server did not start")


def main() -> None:
    url = f"redis://127.0.0.1:{PORT}/0"
    story = ArticlePage.objects.published().newest_first().first()
    token = read_token_make(article_id=story.pk)
    with tempfile.TemporaryDirectory() as directory:
        redis = redis_start(directory)
        settings.REDIS_URL = url
        settings.NEWSDESK_ANALYTICS_REDIS_PREFIX = beacon.PREFIX
        store = read_store()
        store.maintain(now=time.time())
        before = store.views(article_ids=[story.pk]).get(story.pk, 0)
        script = Path(directory) / "beacon.lua"
        script.write_text(beacon.WRK_LUA.replace("TOKEN", token))
        env = {
            **os.environ,
            "REDIS_URL": url,
            "NEWSDESK_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            "NEWSDESK_ANALYTICS_REDIS_PREFIX": beacon.PREFIX,
        }
        server = beacon.server_start(env)
        restarted = []

        def kill_and_restart():
            time.sleep(KILL_AT)
            os.kill(redis.pid, signal.SIGKILL)
            redis.wait()
            time.sleep(DOWN_FOR)
            restarted.append(redis_start(directory))

        killer = threading.Thread(target=kill_and_restart)
        killer.start()
        try:
            requests, errors, *_ = beacon.wrk(script, SECONDS)
            killer.join()
            beacon.server_stop(server)
            store.client.connection_pool.disconnect()
            store.flush()
            counted = store.views(article_ids=[story.pk]).get(story.pk, 0) - before
            acknowledged = requests - errors
            print(f"beacons sent {requests:,}, refused while Redis was down {errors:,}")
            print(f"acknowledged {acknowledged:,}, counted after the restart {counted:,}, ", end="")
            print(f"lost {max(acknowledged - counted, 0):,}")
            store.keys_delete()
        finally:
            killer.join()
            if server.poll() is None:
                beacon.server_stop(server)
            for process in [redis, *restarted]:
                if process.poll() is None:
                    process.terminate()
                    process.wait()


if __name__ == "__main__":
    main()
