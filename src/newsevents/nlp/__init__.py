"""NLP: parse article texts with spaCy; no I/O beyond loading the installed model."""

from newsevents.nlp.parse import DEFAULT_MODEL, TITLE, load_pipeline, parse_article, parse_articles
from newsevents.nlp.texts import doc_text

__all__ = ["DEFAULT_MODEL", "TITLE", "doc_text", "load_pipeline", "parse_article", "parse_articles"]
