"""Every ``.venv/bin/newsevents ...`` command in README.md and docs/*.md runs as written on
what the repository ships: in a temporary folder holding ``samples/`` and a store built
from it (``events.duckdb``), in the docs' order, in this process (typer's runner).

Commands of the kinds in ``SKIPPED`` are listed but not run, with the reason.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from newsevents.cli import app

PREFIX = ".venv/bin/newsevents"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

SKIPPED: dict[str, str] = {
    "serve": "starts a server (tests/serve and tests/browser run it)",
    "network": "reads an http(s) URL",
    "shared": "reads ../shared, which the repository does not ship",
    "ray": "starts a Ray cluster (tests/scale runs it)",
    "shards": "reads the shards an `extract --engine ray` run writes",
    "until stopped": "polls until stopped (no --once or --max-rounds)",
    "missing input": "names a file of the reader's own (a page, a list of feeds)",
}
"""Kinds of documented command the test does not run, and why."""


@dataclass
class Command:
    where: str
    line: str
    args: list[str] = field(default_factory=list)
    stdin: Path | None = None
    stdout: Path | None = None


def _documented() -> list[Command]:
    """The commands, from code blocks (whole lines, with ``\\`` continuations) and inline code."""
    found = []
    for path in DOCS:
        fenced = False
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.startswith("```"):
                fenced = not fenced
                continue
            spans = [line] if fenced else re.findall(r"`([^`]+)`", line)
            for span in spans:
                if PREFIX + " " in span:
                    text = span
                    follow = number
                    while text.rstrip().endswith("\\") and follow < len(lines):
                        text = text.rstrip()[:-1] + " " + lines[follow]
                        follow += 1
                    found.append(_parse(f"{path.relative_to(ROOT)}:{number}", text.strip()))
    return found


def _parse(where: str, line: str) -> Command:
    """Arguments after the program, and the ``cat FILE |``, ``< FILE`` and ``> FILE`` around it."""
    words = shlex.split(line, comments=True)
    command = Command(where, line)
    if "|" in words:
        before, words = words[: words.index("|")], words[words.index("|") + 1:]
        assert before[0] == "cat" and len(before) == 2, f"{where}: only `cat FILE |` is understood"
        command.stdin = Path(before[1])
    words = words[words.index(PREFIX) + 1:]
    if "<" in words:
        at = words.index("<")
        command.stdin, words = Path(words[at + 1]), words[:at] + words[at + 2:]
    if ">" in words:
        at = words.index(">")
        command.stdout, words = Path(words[at + 1]), words[:at] + words[at + 2:]
    command.args = words
    return command


def _skipped(command: Command, workdir: Path) -> str | None:
    args = command.args
    if args[0] == "serve":
        return "serve"
    if any(re.match(r"https?://", a) for a in args):
        return "network"
    if any(a.startswith("../shared") for a in args):
        return "shared"
    if "--engine" in args and args[args.index("--engine") + 1] == "ray":
        return "ray"
    if args[0] == "load":
        return "shards"
    if args[0] == "watch" and "--once" not in args and "--max-rounds" not in args:
        return "until stopped"
    inputs = [a for a in args[1:] if re.fullmatch(r"[\w-]+\.[A-Za-z]+", a)]  # a bare file name
    if args[0] in ("ingest", "watch", "extract", "dates", "places") and any(
        not (workdir / a).exists() and a not in _written(args) for a in inputs
    ):
        return "missing input"
    return None


def _written(args: list[str]) -> set[str]:
    """Files the command itself writes (``-o``, ``--quotes``, ``--db``)."""
    return {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-o", "--output", "--quotes", "--db")}


COMMANDS = _documented()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``samples/`` and ``events.duckdb`` built from it."""
    folder = tmp_path_factory.mktemp("docs")
    (folder / "samples").symlink_to(SAMPLES, target_is_directory=True)
    store = folder / "events.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder / "samples"), "--db", str(store)])
    assert result.exit_code == 0, result.output
    return folder


def test_the_docs_hold_commands_to_run():
    kinds = [_skipped(c, ROOT) for c in COMMANDS]
    assert sum(kind is None for kind in kinds) >= 12, [c.line for c in COMMANDS]
    assert {k for k in kinds if k} <= set(SKIPPED)


@pytest.mark.parametrize("command", COMMANDS, ids=[c.where for c in COMMANDS])
def test_documented_command_runs(command: Command, workdir: Path, monkeypatch: pytest.MonkeyPatch):
    kind = _skipped(command, workdir)
    if kind:
        pytest.skip(f"{kind}: {SKIPPED[kind]}")
    monkeypatch.chdir(workdir)
    stdin = (workdir / command.stdin).read_text(encoding="utf-8") if command.stdin else None
    result = CliRunner().invoke(app, command.args, input=stdin)
    assert result.exit_code == 0, f"{command.line}\n{result.output}"
    if command.stdout:
        (workdir / command.stdout).write_text(result.stdout, encoding="utf-8")
    for name in _written(command.args) - {"events.duckdb"}:
        assert (workdir / name).stat().st_size > 0, f"{command.line}: {name} is empty"
    shows = command.args[0] in ("extract", "dates", "places", "query", "export", "--version")
    if shows and not _written(command.args) - {"events.duckdb"}:
        assert result.stdout.strip(), f"{command.line}: no output"
    if command.args[0] in ("query", "export"):  # the examples are chosen to find something
        assert not re.match(r"0 (events|stories)", result.stdout + result.stderr), command.line
