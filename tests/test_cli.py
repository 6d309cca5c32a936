"""The `nightdesk` command line as a shell user meets it."""
import subprocess
import sys
from pathlib import Path


def write(root: Path, files: dict[str, str]):
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_output_cut_short_by_a_pipe_is_not_a_traceback(tmp_path):
    """`nightdesk check --all | head`: the reader stops reading; no Python traceback reaches them."""
    write(tmp_path / "content", {f"a/page-{n}.md": f"# Page {n}\n\nSee [it](missing-{n}.md).\n" for n in range(900)})
    command = [sys.executable, "-m", "nightdesk.cli", "check", "--all"]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        run.stdout.readline()
        run.stdout.close()  # like `head -1`
        errors = run.stderr.read().decode()
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
