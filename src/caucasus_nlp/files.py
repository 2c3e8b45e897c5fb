"""Writing a file so that a reader never sees half of it.

A report, a cache part or a table that is overwritten in place and then fails (a full disk, a lost
mount, a kill) leaves a truncated file where a good one stood. Written beside its target under a
hidden name, synced, then renamed over it (`os.replace` is atomic on one file system), the target is
either the old file or the whole new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write data to path through a hidden partial file beside it, of a name no other writer uses
    (two processes writing one cache file at once each rename a whole file of their own); on any
    error the partial file is removed, the old path is left as it was, and the OSError propagates."""
    path = Path(path)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
