"""``extract --engine ray`` before Ray starts: options, inputs, and a clear line when Ray is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES

from newsevents.scale.ray_engine import resolve_inputs

NO_RAY = "import sys; sys.modules['ray'] = None; from newsevents.cli import app; app()"


def _cli(*args: str, code: str = "from newsevents.cli import app; app()") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)


def test_missing_ray_is_one_line(tmp_path: Path) -> None:
    out = str(tmp_path / "shards")
    result = _cli("extract", "--engine", "ray", "--output-dir", out, str(SAMPLES), code=NO_RAY)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "E040" in result.stderr and "newsevents[ray]" in result.stderr


def test_ray_engine_needs_an_output_directory() -> None:
    result = _cli("extract", "--engine", "ray", str(SAMPLES))
    assert result.returncode == 2 and "--output-dir" in result.stderr


def test_inputs_resolve_like_extract_reads_them(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.parquet").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    found, missing = resolve_inputs([str(tmp_path), str(tmp_path / "nope.txt"), "-", "s3://bucket/part-1.jsonl"])
    assert [(Path(s.name).name, s.kind) for s in found] == [("a.jsonl", "text"), ("b.parquet", "parquet"),
                                                           ("part-1.jsonl", "text")]
    assert found[0].name == str(tmp_path / "a.jsonl") and found[2].path == "s3://bucket/part-1.jsonl"
    assert len(missing) == 2 and all(m.startswith("E001") for m in missing)


def test_inputs_report_link_loops_inside_directories(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "loop").symlink_to(tmp_path)
    found, missing = resolve_inputs([str(tmp_path)])
    assert [Path(s.name).name for s in found] == ["a.jsonl"]
    assert missing == [f"E001 {tmp_path / 'loop'}: a link to a directory above it (a loop); not read again"]
