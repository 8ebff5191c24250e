"""The model's attribute rules (tag map, exceptions) applied by table lookup.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of every rule over every token: a sixth of
the parse (benchmarks/throughput.py). Its rules read a few attributes of one token or of a
few tokens in a row, so which rules a token meets depends only on those attributes, and
they repeat: what a word with a tag and a dependency meets is worked out once per process.
The result is the ruler's exactly: rules apply in their order, a later one overriding an
earlier (``AttributeRuler.match`` sorts matches so). Rules this table cannot read (an
operator, a predicate other than equality, ``IN``, ``NOT_IN`` or ``REGEX``, an attribute
other than a string one or a flag) leave the model's ruler in place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

NAME = "newsevents_attributes"
RULER = "attribute_ruler"
_STRINGS = {"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"}  # attributes read as strings
_ALIASES = {"TEXT": "ORTH"}
MAX_ROWS = 500_000
"""Rows of attributes whose outcome is kept (a few hundred bytes each); past it they are
forgotten and found again."""
_FLAG_BITS = 64  # attribute ids below this are lexeme flags (IS_SPACE...): 0 or 1
Test = Callable[[int], bool]


@dataclass(frozen=True, slots=True)
class _Rule:
    """One pattern of one rule: a test per token in a row, and what the target token gets."""

    order: int  # the rule's place: later rules override earlier ones
    tests: tuple[int, ...]  # ids of the token tests, one per token of the pattern
    target: int  # the pattern's token that is assigned
    assigns: tuple[tuple[int, int], ...]  # (column of ``AttributeTable.written``, value)


_Met = tuple[frozenset[int], tuple[tuple[int, int], ...], tuple[_Rule, ...]]


@dataclass(slots=True)
class AttributeTable:
    """The ruler's rules as token tests over a few attributes, with what each token meets
    kept per distinct row of those attributes."""

    strings: StringStore
    written: list[int]  # attribute ids the rules assign
    read: list[int] = field(default_factory=list)  # attribute ids the tests read
    tests: list[Callable[[tuple[int, ...]], bool]] = field(default_factory=list)
    keyed: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # (column, value) -> tests
    unkeyed: list[int] = field(default_factory=list)  # tests no single value is needed for
    single: dict[int, list[_Rule]] = field(default_factory=dict)  # test -> its one-token rules
    runs: list[_Rule] = field(default_factory=list)  # patterns of several tokens
    _met: dict[tuple[int, ...], _Met] = field(default_factory=dict)

    @classmethod
    def of(cls, ruler: AttributeRuler) -> AttributeTable | None:
        """The ruler's rules as a table, None when one of them needs the Matcher."""
        written = sorted({attr for attrs in ruler.attrs for attr in attrs})
        if any(not isinstance(attr, int) for attr in written):
            return None  # extension attributes ("_")
        table = cls(ruler.vocab.strings, written)
        seen: dict[str, int] = {}
        for order, rule in enumerate(ruler.patterns):
            assigns = tuple((written.index(attr), value) for attr, value in ruler.attrs[order].items())
            for pattern in rule["patterns"]:
                index = rule["index"] if rule["index"] >= 0 else len(pattern) + rule["index"]
                tests = [table._test(spec, seen) for spec in pattern]
                if not 0 <= index < len(pattern) or None in tests:
                    return None
                found = _Rule(order, tuple(t for t in tests if t is not None), index, assigns)
                if len(pattern) == 1:
                    table.single.setdefault(found.tests[0], []).append(found)
                else:
                    table.runs.append(found)
        return table

    def _test(self, spec: dict[str, Any], seen: dict[str, int]) -> int | None:
        """The id of the test of one token of a pattern, None if a condition is unreadable."""
        key = json.dumps(spec, sort_keys=True)
        if key in seen:
            return seen[key]
        conditions: list[tuple[int, Test]] = []
        needed: tuple[int, frozenset[int]] | None = None  # a column and the values it must have
        for name, value in spec.items():
            name = _ALIASES.get(name.upper(), name.upper())
            attr = IDS.get(name)
            if attr is None or (name not in _STRINGS and attr >= _FLAG_BITS):
                return None
            readable = self._string_test(value) if name in _STRINGS else _flag_test(value)
            if readable is None:
                return None
            if attr not in self.read:
                self.read.append(attr)
            test, values = readable
            conditions.append((self.read.index(attr), test))
            if values is not None and needed is None:
                needed = (self.read.index(attr), values)
        test_id = seen[key] = len(self.tests)
        self.tests.append(lambda row: all(test(row[column]) for column, test in conditions))
        if needed is None:
            self.unkeyed.append(test_id)
        for value in needed[1] if needed else ():
            self.keyed.setdefault((needed[0], value), []).append(test_id)  # type: ignore[index]
        return test_id

    def _string_test(self, value: Any) -> tuple[Test, frozenset[int] | None] | None:
        """A test of a string attribute (its hash: equal, ``IN``, ``NOT_IN`` or ``REGEX``) and
        the values it passes when they are few, None if it is none of these."""
        if isinstance(value, str):
            wanted = get_string_id(value)
            return (lambda got: got == wanted), frozenset({wanted})
        if not isinstance(value, dict) or len(value) != 1:
            return None
        ((operator, argument),) = value.items()
        if operator in {"IN", "NOT_IN"} and isinstance(argument, list):
            members = frozenset(get_string_id(v) for v in argument)
            if operator == "IN":
                return (lambda got: got in members), members
            return (lambda got: got not in members), None
        if operator == "REGEX" and isinstance(argument, str):
            pattern = re.compile(argument)
            return (lambda got: bool(pattern.search(self.strings[got]))), None
        return None

    def __call__(self, doc: Doc) -> Doc:
        """Assign what the rules assign, as the ruler would."""
        if not len(doc):
            return doc
        if len(self._met) > MAX_ROWS:
            self._met.clear()
        met = [self._meets(tuple(row)) for row in doc.to_array(self.read).reshape(len(doc), -1).tolist()]
        late: dict[int, list[_Rule]] = {}  # token -> the several-token rules that assign it
        for start, (_, _, opens) in enumerate(met):
            for rule in opens:  # rules whose first token this one is: few and rare
                if start + len(rule.tests) <= len(met) and all(
                        test in met[start + k][0] for k, test in enumerate(rule.tests)):
                    late.setdefault(start + rule.target, []).append(rule)
        values = doc.to_array(self.written).reshape(len(doc), -1).tolist()
        for i, (tests, assigns, _) in enumerate(met):
            row = values[i]
            for column, value in self._assigns(tests, late[i]) if i in late else assigns:
                row[column] = value
        doc.from_array(self.written, numpy.array(values, dtype=numpy.uint64))
        return doc

    def _meets(self, row: tuple[int, ...]) -> _Met:
        """The tests a token with these attributes passes, what its one-token rules assign, and
        the several-token rules it may open."""
        found = self._met.get(row)
        if found is None:
            candidates = [t for column, value in enumerate(row) for t in self.keyed.get((column, value), ())]
            tests = frozenset(t for t in candidates + self.unkeyed if self.tests[t](row))
            opens = tuple(rule for rule in self.runs if rule.tests[0] in tests)
            found = self._met[row] = (tests, self._assigns(tests, []), opens)
        return found

    def _assigns(self, tests: frozenset[int], more: list[_Rule]) -> tuple[tuple[int, int], ...]:
        """What the rules a token meets assign, in rule order, the last one winning."""
        rules = sorted([r for t in tests for r in self.single.get(t, ())] + more, key=lambda r: r.order)
        merged = {column: value for rule in rules for column, value in rule.assigns}
        return tuple(merged.items())


def _flag_test(value: Any) -> tuple[Test, frozenset[int] | None] | None:
    """A test of a flag (``IS_SPACE``: 0 or 1) and the value it passes."""
    if not isinstance(value, bool | int):
        return None
    wanted = int(value)
    return (lambda got: got == wanted), frozenset({wanted})


@Language.factory(NAME, assigns=["token.pos", "token.tag", "token.dep", "token.lemma", "token.morph"])
def make_table(nlp: Language, name: str) -> AttributeTable:
    """The table of the pipeline's attribute ruler (``replace_ruler`` checks it reads)."""
    table = AttributeTable.of(nlp.get_pipe(RULER))
    assert table is not None, "replace_ruler adds the table only for a ruler it reads"
    return table


def replace_ruler(nlp: Language) -> None:
    """Put the table in the place of the model's attribute ruler, if it reads all its rules."""
    if RULER in nlp.pipe_names and AttributeTable.of(nlp.get_pipe(RULER)) is not None:
        nlp.add_pipe(NAME, before=RULER)
        nlp.remove_pipe(RULER)
