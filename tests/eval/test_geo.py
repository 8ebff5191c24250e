import io

import pytest
from conftest import SHARED
from rich.console import Console

from newsevents.eval.geo import evaluate, load_gold, report

TEXT = "Farmers in Nairobi protested on Monday, and traders in Mombasa joined them."
MOMBASA = TEXT.index("Mombasa")
TRADERS = TEXT.index("traders")

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><start>11</start><end>18</end><phrase>Nairobi</phrase>
        <gaztag geonameid="184745"><name>Nairobi</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>-1.28333</lat><lon>36.81667</lon><country geonameid="192950">Kenya</country>
        </gaztag></toponym>
      <toponym><start>{MOMBASA}</start><end>{MOMBASA + 7}</end><phrase>Mombasa</phrase>
        <gaztag geonameid="186301"><name>Mombasa</name><lat>-4.05466</lat><lon>39.66359</lon>
          <country geonameid="192950">Republic of Kenya</country></gaztag></toponym>
      <toponym><start>0</start><end>7</end><phrase>Farmers</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

GWN = f"""<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>t</title>
    <text>{TEXT}</text>
    <toponyms>
      <toponym><extractedName>Nairobi</extractedName><type>Literal</type>
        <start>11</start><end>18</end><latitude>-1.28333</latitude><longitude>36.81667</longitude>
      </toponym>
      <toponym><extractedName>traders</extractedName><type>Non_Lit_Expression</type>
        <start>{TRADERS}</start><end>{TRADERS + 7}</end></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_geo_loader_reads_both_formats(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL)
    (tmp_path / "GWN.xml").write_text(GWN)
    corpora = load_gold(tmp_path)
    assert set(corpora) == {"lgl", "GWN"}
    lgl = corpora["lgl"][0]
    assert [t.text for t in lgl.toponyms] == ["Nairobi", "Mombasa", "Farmers"]
    assert lgl.toponyms[0].country == "Kenya" and lgl.toponyms[2].lat is None
    assert [t.text for t in corpora["GWN"][0].toponyms] == ["Nairobi"]  # no coordinates: not a toponym
    for article in (lgl, corpora["GWN"][0]):
        for toponym in article.toponyms:
            assert article.text[toponym.span[0]:toponym.span[1]] == toponym.text


def test_geo_report_scores_spans_and_distances(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL)
    figures = report(evaluate(load_gold(tmp_path / "lgl.xml")), Console(file=io.StringIO()))["lgl"]
    assert figures["gold_toponyms"] == 3
    assert figures["precision"] == 1.0 and figures["recall"] == pytest.approx(2 / 3)
    assert figures["within_161km"] == 1.0 and figures["right_country"] == 1.0
    assert figures["median_error_km"] < 50


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval" / "geo" / "lgl.xml").exists(), reason="no ../shared/eval")
def test_geo_lgl_keeps_its_level():
    corpora = load_gold(SHARED / "eval" / "geo" / "lgl.xml")
    figures = report(evaluate(corpora), Console(file=io.StringIO()))["lgl"]
    assert figures["f1"] >= 0.68
    assert figures["within_161km"] >= 0.68
    assert figures["right_country"] >= 0.78
