import signal
import threading

from django.core.management.base import BaseCommand

from newsdesk.core.worker import jobs_from_settings, worker_run


class Command(BaseCommand):
    help = "Run the background worker: scheduled publishing and other periodic jobs."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")

    def handle(self, *args, once, **options):
        jobs = jobs_from_settings()
        if once:
            for job in jobs:
                job.run(now=0.0)
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"Worker running {len(jobs)} job(s): " + ", ".join(j.path for j in jobs))
        worker_run(jobs=jobs, stop=stop)
        self.stdout.write("Worker stopped.")
