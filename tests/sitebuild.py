"""Helpers for tests that build sites. A module of its own name, since every `conftest` shares one name."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True,
               engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """Run `mkdocs build` (or `properdocs build`) the way a user does, in a subprocess, and return the
    finished process."""
    cmd = [sys.executable, "-m", engine, "build", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, capture_output=True, text=True, cwd=config_file.parent)
