"""Sentence starts at paragraph breaks, so a heading never joins the next sentence, and
in long runs of words that nothing could end, so no sentence grows without bound; no start
after an abbreviation's stop when a small letter or a digit follows ("learned Nov. 13 that",
"11:30 p. m. on Saturday"), so a date is not cut off from the clause it dates."""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.texts import token_texts

NAME = "newsevents_paragraphs"
MAX_RUN = 200
"""Tokens after which a sentence is started if none of them could have ended one (a stop,
a question or exclamation mark, a line break). News sentences end well before; text that
does not ("he said he said ...", a table without stops) would otherwise be one sentence
whose parse tree is as deep as it is long, and every step that climbs or walks the tree
would cost the square of its length."""
_ENDINGS = (".", "!", "?", "\n")


@Language.component(NAME, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after ``MAX_RUN`` tokens none of which
    could end one; none inside a sentence cut at an abbreviation. The parser keeps both."""
    run = 0
    texts = token_texts(doc)  # read from arrays: a Token is built only for a start to set
    spaces = doc.to_array(IS_SPACE).tolist()
    for i in range(len(doc) - 1):
        text, after = texts[i], texts[i + 1]
        if text.endswith(".") and (after[:1].islower() or after[:1].isdigit()):
            doc[i + 1].is_sent_start = False  # "Nov. 13", "p. m. on": a stop that ends no sentence
        if spaces[i] and text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
            run = 0
        elif text.endswith(_ENDINGS):
            run = 0
        else:
            run += 1
            if run >= MAX_RUN:
                doc[i + 1].is_sent_start = True
                run = 0
    return doc
