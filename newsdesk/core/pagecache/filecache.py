"""Django's file cache with an atomic add, for when no Redis is configured.

Every app process on the machine shares the files, so a page rendered by one
is served by all; the stock `add` checks and then writes, which would let
two processes take the same rebuild lock. `stamp` tells a key has changed
from the file's metadata, for the value read on every request.
"""

import contextlib
import os
import tempfile

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stamp_paths: dict[tuple, str] = {}

    def stamp(self, key, version=None) -> str | None:
        """A value that changes whenever key is set, read without opening the file.

        Every set replaces the file, so its inode and modification time move.
        """
        path = self._stamp_paths.get((key, version))
        if path is None:
            path = self._stamp_paths[key, version] = self._key_to_file(key, version)
        try:
            status = os.stat(path)
        except FileNotFoundError:
            return None
        return f"{status.st_ino}:{status.st_mtime_ns}"

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):  # also removes an expired file
            return False
        self._createdir()
        descriptor, temporary = tempfile.mkstemp(dir=self._dir)
        try:
            with open(descriptor, "wb") as file:
                self._write_content(file, timeout, value)
            # A hard link fails when the name exists: only one process can win.
            os.link(temporary, self._key_to_file(key, version))
        except FileExistsError:
            return False
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.remove(temporary)
        return True
