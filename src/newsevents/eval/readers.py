"""The raw shapes of the shared eval corpora, read once for every eval that uses them.

JSONL files (ECB+, TimeBank) are one JSON object a line; the geo corpora (LGL, GWN) are an
XML list of ``<article>`` elements identified by ``docid`` (LGL) or ``file`` (GWN).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path


def read_jsonl(path: Path) -> list[dict]:
    """Every non-blank line of a JSONL file, parsed."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def xml_articles(path: Path) -> Iterator[tuple[str, ET.Element]]:
    """(id, element) for each ``<article>`` of a geo corpus; the id is its ``docid``, ``file`` or position."""
    root = ET.parse(path).getroot()
    for number, article in enumerate(root.iter("article")):
        yield article.get("docid") or article.get("file") or str(number), article
