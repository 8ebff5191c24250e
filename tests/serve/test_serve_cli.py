"""`newsevents serve` as an operator runs it: a real process on a loopback port."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from serving import N_EVENTS, TOKEN, build_store


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsevents.cli", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_missing_store_is_one_line_and_status_2(tmp_path):
    result = _run("serve", "--db", str(tmp_path / "nope.duckdb"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope.duckdb: no such store" in lines[0], result.stderr
    assert not (tmp_path / "nope.duckdb").exists()


def test_an_unset_token_variable_is_refused(tmp_path):
    path = build_store(tmp_path / "store.duckdb")
    env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_SERVE_TEST_TOKEN"}
    result = _run("serve", "--db", str(path), "--token-env", "NEWSEVENTS_SERVE_TEST_TOKEN", env=env)
    assert result.returncode == 2 and "NEWSEVENTS_SERVE_TEST_TOKEN" in result.stderr


@pytest.fixture()
def server(tmp_path):
    """`newsevents serve` with a token from --token-env, on a free loopback port."""
    path = build_store(tmp_path / "store.duckdb")
    port = free_port()
    env = {**os.environ, "MY_TOKEN": TOKEN}
    env.pop("NEWSEVENTS_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(path), "--port", str(port),
         "--token-env", "MY_TOKEN", "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/meta", timeout=2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the server did not start: {process.communicate()[1]}")
            time.sleep(0.2)
    yield base, process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_answers_on_loopback_and_guards_writes(server):
    base, process = server
    with urllib.request.urlopen(f"{base}/api/events?limit=2&type=PROTEST", timeout=10) as response:
        body = json.load(response)
    assert body["total"] == 7 and len(body["items"]) == 2
    with urllib.request.urlopen(f"{base}/api/meta", timeout=10) as response:
        meta = json.load(response)
    assert meta["counts"]["events"] == N_EVENTS and meta["ingest"] is True
    request = urllib.request.Request(f"{base}/api/articles", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 401
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    stderr = process.stderr.read() if process.stderr else ""
    assert f"at {base}/" in stderr and "ingest enabled" in stderr and TOKEN not in stderr
