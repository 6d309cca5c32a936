"""`python bench/own_peak.py build ...`: `mkdocs build ...`, writing this process's own peak resident
memory (MiB) to the file named by NIGHTDESK_PEAK_FILE when it exits.

Why not wait4's ru_maxrss: Linux carries the parent's high-water mark across fork and exec, so a
build started by a big benchmark process reported at least the benchmark's own size (both sites showed
94.4 MB on the Zen Cart manual). VmHWM belongs to the address space exec made: the build's alone.
"""
import atexit
import os
import sys


def _write_peak() -> None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return  # not Linux: measure.py falls back to wait4's figure
    with open(os.environ["NIGHTDESK_PEAK_FILE"], "w", encoding="ascii") as out:
        out.write(f"{kib / 1024}\n")


if __name__ == "__main__":
    atexit.register(_write_peak)
    from mkdocs.__main__ import cli

    cli()
