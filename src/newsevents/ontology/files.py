"""Reading the ontology's YAML files: each holds one mapping at the top level."""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Any

import yaml

from newsevents.errors import OntologyError

_BOOL = "tag:yaml.org,2002:bool"


class _Loader(yaml.SafeLoader):
    """YAML 1.2's booleans, not 1.1's: only true and false are; "on", "off", "yes" and "no"
    stay words, as the word lists mean them (a list of prepositions holds "on")."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(source: str | IO[str]) -> Any:
    """A data file's YAML, as every reader of the bundled and user data reads it (``_Loader``)."""
    return yaml.load(source, Loader=_Loader)  # a SafeLoader: plain data only


def read_mapping(path: Path) -> dict[str, Any]:
    """The file's top-level mapping (empty for an empty file); anything else is an error."""
    with path.open(encoding="utf-8") as handle:
        data = load_yaml(handle) or {}
    if not isinstance(data, dict):
        raise OntologyError(f"{path.name}: expected a mapping at the top level")
    return data
