"""The README's 5-minute tour runs as written: its shell commands, then its DuckDB and pandas snippets."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOUR_HEADING = "## A 5-minute tour"


def tour_blocks() -> list[tuple[str, str]]:
    """(language, code) of every fenced block in the tour section."""
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index(TOUR_HEADING)
    end = readme.index("\n## ", start + len(TOUR_HEADING))
    return re.findall(r"```(\w+)\n(.*?)```", readme[start:end], flags=re.S)


def test_the_tour_has_shell_duckdb_and_pandas_blocks_of_three_lines():
    blocks = tour_blocks()
    assert [lang for lang, _ in blocks] == ["sh", "python", "python"]
    assert [len(code.strip().splitlines()) for lang, code in blocks if lang == "python"] == [3, 3]


@pytest.mark.slow
def test_the_tour_runs_as_written(tmp_path):
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    cli = [sys.executable, "-m", "caucasus_nlp.cli"]
    for lang, code in tour_blocks():
        if lang == "sh":
            for line in code.splitlines():
                command = line.split("#", 1)[0].split()
                if not command or command[0] == "source":
                    continue  # activating the virtualenv: the test already runs in it
                assert command[0] == "caucasus-nlp", line
                result = subprocess.run([*cli, *command[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=600)
                assert result.returncode == 0, f"{line}\n{result.stderr}"
        else:
            result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
            assert result.returncode == 0, f"{code}\n{result.stderr}"
            assert result.stdout.strip()
    # the tour writes beside the tables, into the ignored data/processed/, not into the repository's root
    processed = tmp_path / "data" / "processed"
    assert (processed / "report.html").is_file() and (processed / "caucasus.duckdb").is_file()
    assert not list(tmp_path.glob("*.html")) and not list(tmp_path.glob("*.duckdb"))
