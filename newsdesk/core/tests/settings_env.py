"""Read a setting as a fresh process would, under environment variables of the test's choosing."""

import json
import os
import subprocess
import sys

from django.conf import settings


def setting_under(name: str, *, unset_prefix: str, **env):
    """settings.name from config.settings.base, variables starting unset_prefix swapped for env."""
    script = f"import json, config.settings.base as s; print(json.dumps(s.{name}))"
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(unset_prefix)}
    output = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=inherited | env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)
