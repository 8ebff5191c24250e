"""The PLOVER ontology as data: event types, triggers, modes, contexts, sectors,
countries, organizations and mappings, read from the YAML/TSV files in ``data/``.

Add a trigger or a country by editing those files, or by passing a directory of
files with the same names to ``load_ontology(extra=...)``: their rows are added.
"""

from newsevents.ontology.load import Ontology, load_ontology

__all__ = ["Ontology", "load_ontology"]
