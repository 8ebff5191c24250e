"""The words of an actor's noun phrase, and how closely each binds to its head (actors.py).

"Serbian President Aleksandar Vucic", "soldiers of the NATO-led mission", "police in Kosovo":
the phrase runs over left modifiers, appositions and "of"/"from"/"in" phrases, never over
conjuncts or clauses; resolution reads its words tier by tier, the closest first.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from newsevents.extract import datelines
from newsevents.extract.coding import doc_texts, doc_words, words_at
from newsevents.records import Actor

LEFT_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "punct"}
PHRASE_RIGHT_DEPS = {"appos", "compound", "nummod"}
PHRASE_RIGHT_PREPS = {"of", "from", "in"}
SERVING = {"aide", "adviser", "advisor"}  # "an aide to the president": whom one serves is in the phrase
# verbs whose object is followed by an "of" of their own ("convicted Gigante of racketeering",
# "accused Russia of the poisoning"): the "of" phrase is the verb's, not the object's name
OF_COMPLEMENT_VERBS = {"accuse", "convict", "acquit", "suspect", "clear", "absolve", "rob", "strip",
                       "deprive", "inform", "warn", "remind", "notify"}
_LINE_ENDS = "newsevents.line_ends"
_PHRASES = "newsevents.phrases"


def phrase_tokens(head: Token) -> tuple[Token, ...]:
    """The tokens of the noun phrase headed by ``head``, without conjuncts or clauses; read
    once per head and Doc (kept in its ``user_data``): coreference and every trigger sharing a
    participant ask again for the same phrase."""
    found: dict[int, tuple[Token, ...]] = head.doc.user_data.setdefault(_PHRASES, {})
    if head.i not in found:
        found[head.i] = tuple(_phrase(head))
    return found[head.i]


def _phrase(head: Token) -> list[Token]:
    tokens = [head]
    for child in head.lefts:
        if _glued(child):
            continue
        if child.dep_ in LEFT_DEPS or child.dep_ in {"appos", "prep"}:
            tokens.extend(t for t in child.subtree)
    for child in head.rights:
        if head.i < head.head.i < child.i:
            break  # "Judge Suarez of the court found X guilty ... Garcia": no phrase runs past its verb
        keep = child.dep_ in PHRASE_RIGHT_DEPS or (child.dep_ == "prep" and _naming_prep(child, head))
        if child.dep_ == "punct" and child.text in "()":
            keep = True
        if not keep:
            break
        tokens.extend(_without_clauses(child))
    tokens.sort(key=lambda t: t.i)
    tokens = _own_line(tokens, head)
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "preconj"}):
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text != ")":
        tokens.pop()
    return tokens


def _without_clauses(child: Token) -> list[Token]:
    """The words under a right child, less the relative clauses on its nouns ("guerrillas from
    Anlong Veng, who have formed an alliance with ...": the clause tells of them, it names no one)."""
    clauses = {i for c in child.subtree if c.dep_ == "relcl" and c.i != child.i
               for i in range(c.left_edge.i, c.right_edge.i + 1)}
    return [t for t in child.subtree if t.i not in clauses]


def _naming_prep(prep: Token, head: Token) -> bool:
    """A preposition that goes on naming the party ("officers in Kabul", "the president of France",
    "an aide to the president"), not one that tells what it did or is accused of ("accused the army
    of killing civilians", "convicted Gigante of racketeering"; but "a clique of judges of working
    together" keeps its judges)."""
    if not (prep.lower_ in PHRASE_RIGHT_PREPS or (prep.lower_ == "to" and head.lemma_.lower() in SERVING)):
        return False
    if any(c.dep_ == "pcomp" for c in prep.children):
        return False
    return not (prep.lower_ == "of" and head.dep_ == "dobj"
                and head.head.lemma_.lower() in OF_COMPLEMENT_VERBS
                and not any(t.dep_ == "pcomp" for t in prep.subtree))


def _glued(child: Token) -> bool:
    """ "An Albany man police said was armed", "A man authorities say was shot": a relative
    clause without "who" that the parser read as a compound on a plural head ("man police");
    "a" or "an" before a plural belongs to the singular noun between them, a phrase of its own.
    A left "prep" child set off by a comma opens the sentence; a date before a name is the
    time of a phrase the parser ran into the name ("on 1 February Macron criticised")."""
    head = child.head
    if head.pos_ == "PROPN" and child.ent_type_ in {"DATE", "TIME"} and child.i < head.i:
        return True
    if child.dep_ == "prep":  # "According to police, Hege": a sentence's opening, not the phrase's
        after = child.right_edge.i + 1
        return after < head.i and child.doc[after].text == ","
    if head.tag_ not in {"NNS", "NNPS"} or child.i > head.i:
        return False
    article = next((c for c in head.lefts if c.dep_ == "det" and c.lower_ in {"a", "an"}), None)
    nouns = [c for c in head.lefts if c.dep_ == "compound" and c.tag_ == "NN"]
    return article is not None and bool(nouns) and child.i <= nouns[-1].i


def _own_line(tokens: list[Token], head: Token) -> list[Token]:
    """The phrase's words on the head's line: a parse that runs a headline or a dateline into
    the next line ("... into Paris shop\nFrench police") does not join the two."""
    doc = head.doc
    ends = _line_ends(doc)  # the breaks within the phrase are ends[low:high]
    low, at, high = (bisect.bisect_left(ends, tokens[0].i), bisect.bisect_left(ends, head.i),
                     bisect.bisect_right(ends, tokens[-1].i))
    first = ends[at - 1] if at > low else -1
    last = ends[at] if at < high else len(doc)
    spaces = doc_words(doc)[2]
    return [t for t in tokens if first < t.i <= last and not spaces[t.i]]


def _line_ends(doc: Doc) -> list[int]:
    """The tokens at or after which a line ends (a newline in the token or the space after
    it), in order, and the dateline's last token (a line of its own); found once per Doc (kept
    in its ``user_data``), not once per phrase."""
    found = doc.user_data.get(_LINE_ENDS)
    if found is None:
        found = [i for i, text in enumerate(doc_texts(doc)) if "\n" in text]  # never in the space after
        opening = _dateline(doc)
        last = None if opening is None else doc.char_span(*opening, alignment_mode="contract")
        if last is not None and len(last):
            found = sorted({*found, last[-1].i})
        doc.user_data[_LINE_ENDS] = found
    return found  # type: ignore[no-any-return]


def _dateline(doc: Doc) -> tuple[int, int] | None:
    """Where a marked dateline starts and ends (datelines.py); one run into the text ("SAN
    ANTONIO The coach") is as often an acronym opening the first sentence ("NATO Secretary
    General")."""
    opening = datelines.in_doc(doc)
    return None if opening is None or opening.run_in else (opening.town[0], opening.end)


def in_dateline(token: Token) -> bool:
    """The token is a word of the dateline ("ROANOKE -- Former Gov. Mike Huckabee campaigned",
    ROANOKE read as a second subject): it names where the reporter is, not who acted."""
    found = _dateline(token.doc)
    return found is not None and found[0] <= token.idx < found[1]


def past_dateline(head: Token) -> Token:
    """The subject a parse hangs on a dateline run into the first clause ("MEXICO CITY (AP)
    Mexico's Senate has passed": CITY the subject, Senate its apposition): the apposition."""
    found = _dateline(head.doc)
    if not in_dateline(head) or found is None:
        return head
    return next((c for c in head.rights if c.dep_ == "appos" and c.idx >= found[1]), head)


def names_team(head: Token, entity: Span | None) -> bool:
    """A people's name that names a team or a firm: after a place ("the Cleveland Indians")
    or inside an organisation's name. It is no country."""
    if entity is not None and entity.label_ == "ORG" and len(entity) > 1:
        return True
    return any(c.dep_ == "compound" and c.ent_type_ in {"GPE", "ORG"} for c in head.children)


def mention_words(doc: Doc, actor: Actor) -> Span | None:
    """The words an actor's mention covers in the parse, None when it covers none."""
    return words_at(doc, actor.span)


def head_lemma(words: Span | None) -> str:
    """The lemma of the word a mention is about ("protester" in "the protesters"), or ""."""
    return words.root.lemma_.lower() if words is not None else ""


def phrase_tiers(head: Token, token_set: set[int]) -> list[list[Token]]:
    """Words of the phrase grouped by how closely they bind to the head."""
    left = [t for c in head.lefts if c.dep_ in LEFT_DEPS for t in c.subtree]
    appos = [t for c in head.rights if c.dep_ == "appos" for t in c.subtree]
    of_from: list[Token] = []
    place: list[Token] = []
    for child in head.rights:
        if child.dep_ == "prep" and child.i in token_set:
            target = of_from if child.lower_ in {"of", "from", "to"} else place
            target.extend(t for t in child.subtree if t.i != child.i)
    return [left, appos, of_from, place]
