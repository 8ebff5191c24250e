import json
from datetime import date

from newsevents.eval.news_texts import find_eval_dir, news_text_index, news_texts, text_hash, url_day

TEXT = "Police in Lagos detained two  journalists on Friday.\n\nThe union  protested."  # spacing kept as is


def _pool(folder):
    (folder / "ecbplus").mkdir()
    (folder / "ecbplus" / "ecbplus_docs.jsonl").write_text(
        json.dumps({"doc": "9_1ecb.xml", "topic": "9", "cluster_id": "9_ecb", "text": TEXT})
        + "\n\n", encoding="utf-8")
    (folder / "timebank").mkdir()
    (folder / "timebank" / "tbaq_docs.jsonl").write_text(
        json.dumps({"doc": "XYZ1", "dct": "1999-02-03", "text": "\n\n" + TEXT}) + "\n", encoding="utf-8")
    (folder / "geo").mkdir()
    (folder / "geo" / "lgl.xml").write_text(
        '<articles><article docid="77"><title>Lagos arrests</title><dltime>2009-03-20 12:24:52.00-05</dltime>'
        f"<text><![CDATA[{TEXT}]]></text><toponyms/></article></articles>", encoding="utf-8")
    (folder / "geo" / "GWN.xml").write_text(
        '<articles><article file="0"><title>A</title><link>http://x.com/news/2018/04/05/a-b</link>'
        f"<text>{TEXT}</text></article>"
        '<article file="1"><title>B</title><link>http://x.com/2018/01/story</link><text>Calm day.</text>'
        "</article></articles>", encoding="utf-8")


def test_pool_reads_every_source_with_ids_dates_and_titles(tmp_path):
    _pool(tmp_path)
    pool = news_text_index(tmp_path)
    assert sorted(pool) == ["ecbplus:9_1ecb.xml", "gwn:0", "gwn:1", "lgl:77", "timebank:XYZ1"]
    assert pool["ecbplus:9_1ecb.xml"].date is None and pool["ecbplus:9_1ecb.xml"].title is None
    assert pool["timebank:XYZ1"].date == date(1999, 2, 3)
    assert pool["timebank:XYZ1"].text == "\n\n" + TEXT  # never normalised
    assert pool["lgl:77"].date == date(2009, 3, 20) and pool["lgl:77"].title == "Lagos arrests"
    assert pool["lgl:77"].text == TEXT  # the title is not prepended
    assert pool["gwn:0"].date == date(2018, 4, 5)
    assert pool["gwn:1"].date is None  # a month is not a day
    assert pool["lgl:77"].sha256 == text_hash(TEXT) == pool["gwn:0"].sha256
    assert len(pool["lgl:77"].sha256) == 64


def test_absent_sources_are_skipped(tmp_path):
    assert list(news_texts(tmp_path)) == []
    assert list(news_texts(tmp_path / "missing")) == []


def test_url_day_needs_a_valid_full_day():
    assert url_day("https://n.com/20180401-270851") == date(2018, 4, 1)
    assert url_day("https://n.com/2018-03-30/x") == date(2018, 3, 30)
    assert url_day("https://n.com/article207576854.html") is None
    assert url_day("https://n.com/2018/13/45/x") is None
    assert url_day(None) is None


def test_eval_dir_is_found_above_a_checkout(tmp_path):
    (tmp_path / "shared" / "eval").mkdir(parents=True)
    (tmp_path / "wt" / "repo").mkdir(parents=True)
    assert find_eval_dir(tmp_path / "wt" / "repo") == tmp_path / "shared" / "eval"
