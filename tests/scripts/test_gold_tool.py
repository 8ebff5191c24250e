import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.eval.news_gold import SPLITS, gold_path, read_sample
from newsevents.eval.news_texts import text_hash

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "scripts" / "gold_tool.py"
TEXT = "Troops shelled the border town.\nThe ministry said troops shelled it again on Friday."


def run(*args, eval_dir):
    return subprocess.run([sys.executable, str(TOOL), "--eval-dir", str(eval_dir), *args],
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src")}, check=False)


@pytest.fixture()
def pool(tmp_path):
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "GWN.xml").write_text(
        f'<articles><article file="5"><title>T</title><link>x</link><text>{TEXT}</text></article></articles>',
        encoding="utf-8")
    sample = tmp_path / "sample.tsv"
    sample.write_text("article_id\tsource\tsha256\tchars\tdate\tannotator_batch\n"
                      f"gwn:5\tgwn\t{text_hash(TEXT)}\t{len(TEXT)}\t\tA\n", encoding="utf-8")
    return tmp_path, sample


def test_show_and_find_give_offsets_into_the_text(pool):
    folder, _ = pool
    shown = run("show", "gwn:5", eval_dir=folder).stdout
    assert "[   32-84   ] The ministry said troops shelled it again on Friday." in shown
    found = run("find", "gwn:5", "shelled", "--nth", "2", eval_dir=folder)
    assert json.loads(found.stdout.split("    ")[0]) == {"start": 57, "end": 64, "text": "shelled"}
    assert TEXT[57:64] == "shelled"
    assert run("find", "gwn:5", "bombed", eval_dir=folder).returncode == 1


def test_check_passes_a_good_file_and_fails_a_bad_one(pool, tmp_path):
    folder, sample = pool
    gold = {"article_id": "gwn:5", "sha256": text_hash(TEXT), "annotator": "t", "political": True,
            "section": "world", "events": [{
                "type": "ASSAULT", "mode": "heavy-weapons",
                "trigger": {"start": 7, "end": 14, "text": "shelled"},
                "also": [{"start": 57, "end": 64, "text": "shelled"}],
                "actor": [{"span": {"start": 0, "end": 6, "text": "Troops"}, "name": "troops",
                           "country": None, "sector": "MIL"}],
                "recipient": [], "date": None, "date_precision": "unknown", "historical": False,
                "place": None, "size": None}]}
    good = tmp_path / "gwn_5.json"
    good.write_text(json.dumps(gold), encoding="utf-8")
    result = run("--sample", str(sample), "check", str(good), eval_dir=folder)
    assert result.returncode == 0, result.stdout
    gold["events"][0]["also"][0]["start"] = 56
    bad = tmp_path / "gwn-5.json"
    bad.write_text(json.dumps(gold), encoding="utf-8")
    result = run("--sample", str(sample), "check", str(good), str(bad), eval_dir=folder)
    assert result.returncode == 1
    assert "also[0]: text[56:64]" in result.stdout and "should be named gwn_5.json" in result.stdout
    assert "2 files checked, 1 with problems" in result.stdout


def test_split_dev_lists_the_dev_sample_and_its_gold_folder(tmp_path):
    listed = run("--split", "dev", "list", eval_dir=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    dev = SPLITS["dev"]
    assert [r[1] for r in rows] == [row.article_id for row in read_sample(dev.sample)]
    done = ["done" if gold_path(r[1], dev.gold_dir).exists() else "todo" for r in rows]
    assert [r[4] for r in rows] == done
    test_ids = {row.article_id for row in read_sample(SPLITS["test"].sample)}
    assert not {r[1] for r in rows} & test_ids
    assert run("--split", "train", "list", eval_dir=tmp_path).returncode == 2
