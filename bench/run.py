"""`make bench`: run the benchmarks that build what they need, and print their figures.

page_speed.py builds its own demo newsroom and measures the public pages:
cached, uncached, behind the shipped nginx config, and a 1,000-connection
spike. The other scripts in bench/ each measure one feature on a demo database
that NEWSDESK_VAR_DIR points at; their docstrings say how to run them.
Arguments are passed on (e.g. `--seconds 30`).
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SELF_CONTAINED = ["page_speed.py"]


def main() -> None:
    for script in SELF_CONTAINED:
        print(f"== bench/{script}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *sys.argv[1:]], check=True)  # nosec B603 # our own scripts


if __name__ == "__main__":
    main()
