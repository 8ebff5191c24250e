"""Place recognition and resolution on LGL and GeoWebNews (GWN).

Both are XML lists of articles with toponym spans. LGL gives each toponym a
``gaztag`` (GeoNames id, lat/lon, country); GWN gives ``latitude``/``longitude``
and a ``type`` per annotated expression, of which only those with coordinates
are toponyms (the rest are the words around them: "citizens", "local council").
Spans are matched when they overlap; one gold span is matched at most once.
On matched spans with gold coordinates we count the share resolved within 161 km
(100 miles), the share with the right country (LGL: GeoNames country name), and
the median error; an unresolved matched span counts as wrong.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsevents.eval.metrics import ratio
from newsevents.eval.readers import xml_articles
from newsevents.extract.gazetteer import Gazetteer, load_gazetteer
from newsevents.extract.places import resolve_places
from newsevents.nlp import load_pipeline
from newsevents.ontology import Ontology, load_ontology
from newsevents.records import Location, distance_km

FILES = ("lgl.xml", "GWN.xml")
MILES_100_KM = 161.0


@dataclass(slots=True)
class GoldToponym:
    span: tuple[int, int]
    text: str
    lat: float | None
    lon: float | None
    country: str | None  # GeoNames country name (LGL only)


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym]


@dataclass(slots=True)
class CorpusResult:
    name: str
    pairs: list[tuple[GoldArticle, list[Location]]] = field(default_factory=list)


@dataclass(slots=True)
class Result:
    corpora: list[CorpusResult] = field(default_factory=list)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> name


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _lgl(article: ET.Element) -> list[GoldToponym]:
    found = []
    for item in article.iter("toponym"):
        tag = item.find("gaztag")
        found.append(GoldToponym(
            span=(int(item.findtext("start", "0")), int(item.findtext("end", "0"))),
            text=item.findtext("phrase", ""),
            lat=_float(tag.findtext("lat")) if tag is not None else None,
            lon=_float(tag.findtext("lon")) if tag is not None else None,
            country=tag.findtext("country") if tag is not None else None,
        ))
    return found


def _gwn(article: ET.Element) -> list[GoldToponym]:
    found = []
    for item in article.iter("toponym"):
        lat, lon = _float(item.findtext("latitude")), _float(item.findtext("longitude"))
        if lat is None or lon is None:
            continue  # the words around a toponym, not a toponym
        found.append(GoldToponym(
            span=(int(item.findtext("start", "0")), int(item.findtext("end", "0"))),
            text=item.findtext("extractedName", ""), lat=lat, lon=lon, country=None,
        ))
    return found


def load_gold(path: Path) -> dict[str, list[GoldArticle]]:
    """The corpora in a folder (lgl.xml, GWN.xml) or one such file, by file stem."""
    files = [path / name for name in FILES if (path / name).exists()] if path.is_dir() else [path]
    if not files:
        raise OSError(f"no {' or '.join(FILES)} in {path}")
    corpora = {}
    for file in files:
        articles = []
        for ident, article in xml_articles(file):
            text = article.findtext("text") or ""
            has_gaztag = article.find(".//gaztag") is not None or article.find(".//phrase") is not None
            toponyms = _lgl(article) if has_gaztag else _gwn(article)
            articles.append(GoldArticle(ident, text, toponyms))
        corpora[file.stem] = articles
    return corpora


def evaluate(corpora: dict[str, list[GoldArticle]], *, model: str | None = None,
             gazetteer: Gazetteer | None = None, ontology: Ontology | None = None) -> Result:
    """Parse every article and resolve its places."""
    nlp = load_pipeline(model) if model else load_pipeline()
    ontology = ontology or load_ontology()
    gazetteer = gazetteer or load_gazetteer()
    result = Result(country_names={code: p.name for code, p in gazetteer.countries.items()})
    for name, articles in corpora.items():
        corpus = CorpusResult(name)
        for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=16):
            corpus.pairs.append((article, resolve_places(doc, gazetteer=gazetteer, ontology=ontology)))
        result.corpora.append(corpus)
    return result


def _match(gold: list[GoldToponym], found: list[Location]) -> list[tuple[GoldToponym, Location]]:
    """Pairs of overlapping spans, each gold and each found toponym used once."""
    pairs, used = [], set()
    for toponym in found:
        for number, item in enumerate(gold):
            if number not in used and toponym.span[0] < item.span[1] and item.span[0] < toponym.span[1]:
                used.add(number)
                pairs.append((item, toponym))
                break
    return pairs


def _same_country(gold: str, found: str | None, names: dict[str, str]) -> bool:
    if found is None:
        return False
    ours = names.get(found, found).lower()
    theirs = gold.lower()
    return ours == theirs or ours in theirs or theirs in ours


def figures(corpus: CorpusResult, names: dict[str, str]) -> dict[str, float]:
    """Span precision/recall/F1 and resolution figures for one corpus."""
    gold_total = found_total = matched = 0
    errors: list[float] = []
    geo = near = country_total = country_right = 0
    for article, found in corpus.pairs:
        gold_total += len(article.toponyms)
        found_total += len(found)
        pairs = _match(article.toponyms, found)
        matched += len(pairs)
        for item, toponym in pairs:
            if item.lat is None or item.lon is None:
                continue
            geo += 1
            if toponym.lat is not None and toponym.lon is not None:
                error = distance_km(item.lat, item.lon, toponym.lat, toponym.lon)
                errors.append(error)
                near += error <= MILES_100_KM
            else:
                errors.append(20000.0)
            if item.country:
                country_total += 1
                country_right += _same_country(item.country, toponym.country_code, names)
    precision, recall = ratio(matched, found_total), ratio(matched, gold_total)
    return {
        "articles": len(corpus.pairs),
        "gold_toponyms": gold_total,
        "found_toponyms": found_total,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "matched_with_coordinates": geo,
        "within_161km": ratio(near, geo),
        "right_country": ratio(country_right, country_total) if country_total else float("nan"),
        "median_error_km": statistics.median(errors) if errors else float("nan"),
    }


def report(result: Result, console: Console) -> dict[str, dict[str, float]]:
    """Print one table per corpus and return the figures by corpus name."""
    out = {}
    for corpus in result.corpora:
        numbers = figures(corpus, result.country_names)
        table = Table(title=f"{corpus.name}: toponyms (overlapping spans)")
        table.add_column("figure")
        table.add_column("value", justify="right")
        for name, value in numbers.items():
            table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
        console.print(table)
        out[corpus.name] = numbers
    return out
