"""The dashboard in a real browser: Debian's chromium driven by playwright-core.

Builds a store from the bundled samples plus one malicious article, starts
`newsevents serve` on a free port, and runs dashboard.mjs (panels render, filters
drive the table, evidence highlights match their spans, untrusted text stays text).
Then checks that the screenshots it took are real pictures.

Skips when node, chromium or tests/browser/node_modules is missing, unless
NEWSEVENTS_REQUIRE_BROWSER=1 (CI), which turns the skip into a failure.
Set NEWSEVENTS_SCREENSHOTS=DIR to keep the screenshots somewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("NEWSEVENTS_REQUIRE_BROWSER") == "1"

EVIL_ID = "evil-pristina-2024-06-04"
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
EVIL = {
    "id": EVIL_ID,
    "date": "2024-06-04",
    "title": f"{PAYLOAD} Pristina arrests <a href=\"javascript:window.__pwned=1\">more</a>",
    "source": "<b onmouseover=\"window.__pwned=1\">wire</b>",
    "url": "javascript:window.__pwned=1",
    "text": (
        f"PRISTINA - {PAYLOAD} Police arrested five protesters in Pristina on Monday. "
        'Witnesses said <a href="javascript:window.__pwned=1">a video</a> of the arrests was posted online.'
        "\n\nThe government of Kosovo condemned the protest on Tuesday."
    ),
}


def _missing(why: str) -> None:
    if REQUIRED:
        pytest.fail(f"{why} (NEWSEVENTS_REQUIRE_BROWSER=1)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if not found:
        _missing("node is not installed")
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing (apt-get install chromium)")
    if not (HERE / "node_modules" / "playwright-core").is_dir():
        _missing("tests/browser/node_modules is missing (npm ci --prefix tests/browser)")
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        _missing(f"the server's dependencies are not installed ({exc.name})")
    return found  # type: ignore[return-value]


def _newsevents() -> list[str]:
    script = Path(sys.executable).with_name("newsevents")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from newsevents.cli import app; app()"]


@pytest.fixture(scope="module")
def store(node: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples and the malicious article, ingested by the CLI like a user would."""
    work = tmp_path_factory.mktemp("dashboard-store")
    evil = work / "evil"
    evil.mkdir()
    (evil / "evil.jsonl").write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    db = work / "store.duckdb"
    run = subprocess.run(
        [*_newsevents(), "ingest", str(ROOT / "samples"), str(evil), "--db", str(db)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 0, f"ingest failed:\n{run.stdout}\n{run.stderr}"
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    port = _free_port()
    log = store.with_name("serve.log")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*_newsevents(), "serve", "--db", str(store), "--port", str(port), "--log-level", "warning"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"newsevents serve exited with {proc.returncode}:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(url + "api/meta", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"newsevents serve did not answer within 60 s:\n{log.read_text()}")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("NEWSEVENTS_SCREENSHOTS")
    if chosen:
        path = Path(chosen)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


def test_malicious_article_is_coded(store: Path, server: str) -> None:
    """The attack article must reach the page: it has events and keeps its markup."""
    with urllib.request.urlopen(f"{server}api/articles/{EVIL_ID}", timeout=10) as response:
        article = json.load(response)
    assert article["events"], "the malicious article yielded no event: the XSS checks would test nothing"
    assert article["title"] == EVIL["title"] and article["text"] == EVIL["text"]
    assert article["url"] == EVIL["url"]


def test_dashboard_in_chromium(node: str, server: str, shots: Path) -> None:
    run = subprocess.run(
        [node, str(HERE / "dashboard.mjs"), "--url", server, "--shots", str(shots), "--evil", EVIL_ID,
         "--chromium", str(CHROMIUM)],
        capture_output=True, text=True, timeout=300, cwd=HERE, check=False,
    )
    assert run.returncode == 0, f"dashboard checks failed:\n{run.stdout}\n{run.stderr}"
    for name in ("dashboard.png", "article.png", "malicious.png"):
        width, height, colours = png_summary(shots / name)
        assert (width, height) >= (1400, 1000), f"{name} is {width}x{height}"
        assert colours > 256, f"{name} looks blank: {colours} distinct colours"


def png_summary(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct colours) of an 8-bit RGB/RGBA PNG, decoded with zlib alone.

    Checks the signature and every chunk's CRC, then undoes the scanline filters.
    """
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"{path.name}: bad CRC in {kind!r}"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    assert header is not None, f"{path.name} has no IHDR"
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, f"{path.name}: unexpected format {header}"
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    assert len(raw) == height * (stride + 1), f"{path.name}: image data has the wrong size"
    prev = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp))
        prev = line
    return width, height, len(colours)
