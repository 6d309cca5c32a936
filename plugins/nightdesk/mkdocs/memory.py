"""Peak memory of `mkdocs build`: hand back what the pages no longer need before the last, biggest step."""
from __future__ import annotations

import ctypes
import gc


def return_freed_memory() -> None:
    """Give the memory the build has freed back to the system. Once every page is written, their HTML and
    Markdown are garbage, but glibc keeps freed blocks in the process, and the search index and offline
    zip built after them would peak on top of that. malloc_trim(0) releases free pages; where there is no
    glibc (macOS, Windows, musl without it) this does nothing."""
    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return
    trim(0)
