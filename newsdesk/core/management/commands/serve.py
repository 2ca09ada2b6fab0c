"""Serve the site with granian and run the worker beside it; Ctrl-C stops both."""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


def _signal_group(child: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signum)


class Command(BaseCommand):
    help = "Serve the site with granian (one worker per core) and run the background worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)

    def handle(self, *args, host, port, workers, **options):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]}
        server_cmd = [
            sys.executable, "-m", "granian", "--interface", "wsgi",
            "--host", host, "--port", str(port), "--workers", str(workers),
            # Django views are CPU-bound: granian's default of many blocking
            # threads per worker only adds contention.
            "--blocking-threads", "2",
            "--no-ws", "--log-level", "warning", "--respawn-failed-workers",
            "config.wsgi:application",
        ]  # fmt: skip
        worker_cmd = [sys.executable, "manage.py", "worker"]
        # Each child leads its own process group: Ctrl-C reaches only this command,
        # which then stops each group once, workers included.
        children = [
            subprocess.Popen(server_cmd, env=env, cwd=settings.BASE_DIR, start_new_session=True),
            subprocess.Popen(worker_cmd, env=env, cwd=settings.BASE_DIR, start_new_session=True),
        ]
        base = f"http://{host}:{port}"
        self.stdout.write(f"\nNewsdesk is serving {base}/ (admin: {base}/admin/). Ctrl-C stops.\n")

        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
        for child in children:
            _signal_group(child, signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(child, signal.SIGKILL)
                child.wait()
        self.stdout.write("Stopped the server and the worker.")
        failed = [c.returncode for c in children if c.returncode not in (0, -signal.SIGTERM)]
        if failed and not stopping:
            sys.exit(1)
