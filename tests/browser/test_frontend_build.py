"""The dashboard's sources and its committed build (no browser needed).

- frontend/src/palette.js maps every PLOVER type to the quad event_types.yaml gives it;
- src/newsevents/serve/static/ is what `frontend/build.sh` builds from frontend/
  (run when frontend/node_modules is installed; required under NEWSEVENTS_REQUIRE_BROWSER=1);
- no front-end source builds DOM from strings (innerHTML and friends).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
STATIC = ROOT / "src" / "newsevents" / "serve" / "static"
EVENT_TYPES = ROOT / "src" / "newsevents" / "ontology" / "data" / "event_types.yaml"


def test_palette_quads_match_the_ontology() -> None:
    source = (FRONTEND / "src" / "palette.js").read_text(encoding="utf-8")
    block = source.split("export const TYPE_QUAD = {", 1)[1].split("};", 1)[0]
    in_js = dict(re.findall(r"^\s*([A-Z]+): '([a-z ]+)',$", block, flags=re.M))
    ontology = {name: spec["quad"] for name, spec in yaml.safe_load(EVENT_TYPES.read_text()).items()}
    assert in_js == ontology
    quads = set(re.findall(r"\{ id: '([a-z ]+)', label: '[^']+', colour:", source))
    assert quads == set(ontology.values())


def test_no_html_parsing_in_the_sources() -> None:
    pattern = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|"
                         r"DOMParser|\beval\(|new Function")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((FRONTEND / "src").glob("*.js"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not offenders, f"build DOM with dom.js (text nodes), not from HTML strings: {offenders}"


def test_static_build_is_committed() -> None:
    for name in ("index.html", "app.js", "app.css", "countries-110m.json", "THIRD-PARTY-LICENSES.txt"):
        assert (STATIC / name).is_file(), f"{name} missing: run bash frontend/build.sh"
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "index.html loads something from outside"


def test_static_build_is_reproducible() -> None:
    if not (FRONTEND / "node_modules" / ".bin" / "esbuild").exists() or not shutil.which("node"):
        if os.environ.get("NEWSEVENTS_REQUIRE_BROWSER") == "1":
            pytest.fail("frontend/node_modules is missing (npm ci --prefix frontend)")
        pytest.skip("frontend/node_modules is missing (npm ci --prefix frontend)")
    run = subprocess.run(["bash", str(FRONTEND / "build.sh"), "--check"], capture_output=True, text=True,
                         timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
