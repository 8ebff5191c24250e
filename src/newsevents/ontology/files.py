"""Reading the ontology's YAML files: each holds one mapping at the top level."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import OntologyError


def read_mapping(path: Path) -> dict[str, Any]:
    """The file's top-level mapping (empty for an empty file); anything else is an error."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    if not isinstance(data, dict):
        raise OntologyError(f"{path.name}: expected a mapping at the top level")
    return data
