"""The learned p(event type | trigger token) (extract/learned_types.py, learned_types.npz): the
shipped model loads, gives a distribution over the types, puts a plain trigger's lexicon type
first, sees a token as training does, and reaches the confidence as ``learned_type``."""

import sys
from pathlib import Path

import numpy as np

from newsevents.extract import learned_types as lt
from newsevents.ontology.load import DATA_DIR
from newsevents.records import EVENT_TYPES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import train_learned_types as tl


def _token(pipeline, text, word):
    return next(t for t in pipeline.nlp(text) if t.text == word)


def test_learned_types_model_file_loads():
    model = lt.model()
    assert model.classes == (lt.NONE, *sorted(EVENT_TYPES))
    assert len(model.used) > 1000 and np.all(np.diff(model.used) > 0)
    assert model.weights.shape == (len(model.used), len(model.classes))
    assert lt.MODEL_FILE.stat().st_size < 200_000


def test_learned_types_give_a_distribution_over_the_types(pipeline, ontology):
    token = _token(pipeline, "Police arrested three protesters in the capital.", "arrested")
    ids = lt.token_ids(token, ontology)
    p = lt.model().probabilities(ids)
    assert np.all((p > 0) & (p < 1)) and abs(p.sum() - 1) < 1e-9
    assert 0 < lt.model().p_type(ids, "COERCE") < 1


def test_learned_types_put_a_plain_triggers_lexicon_type_first(pipeline, ontology):
    model = lt.model()
    token = _token(pipeline, "Police arrested three protesters.", "arrested")
    p = model.probabilities(lt.token_ids(token, ontology))
    assert model.classes[int(p.argmax())] == "COERCE"
    # a word news often uses of no coded event may be NONE first, but its type leads the types
    for text, word, expected in [
        ("Rebels attacked an army base near the border on Monday.", "attacked", "ASSAULT"),
        ("The two leaders met in Geneva on Monday.", "met", "CONSULT"),
        ("The United States imposed sanctions on Iran.", "sanctions", "SANCTION"),
    ]:
        p = model.probabilities(lt.token_ids(_token(pipeline, text, word), ontology))
        assert model.classes[1 + int(p[1:].argmax())] == expected


def test_learned_types_lexicon_types_are_the_trigger_files(ontology):
    # the tested model read triggers.tsv itself: the loaded Ontology's table must give the same
    rows = [line.split("\t") for line in (DATA_DIR / "triggers.tsv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#") and not line.startswith("trigger\t")]
    read: dict[tuple[str, str, str | None], set[str]] = {}
    for cells in rows:
        words = cells[0].split(" ", 1)
        read.setdefault((words[0], cells[1], words[1] if len(words) > 1 else None), set()).add(cells[3])
    for (lemma, pos, particle), types in read.items():
        assert set(lt._types(ontology, lemma, pos, particle)) == types


def test_learned_types_training_sees_a_token_as_coding_does(pipeline, ontology):
    doc = pipeline.nlp("The army pulled out of the town after rebels attacked it and police arrested men.")
    gold = {"events": [{"type": "ASSAULT", "trigger": {"start": doc.text.index("attacked"),
                                                        "end": doc.text.index("attacked") + 8}}]}
    ids, classes = tl.article_examples(doc, gold, ontology)
    lexicon = [t for t in doc if t.pos_ in tl.EXAMPLES and tl.in_lexicon(t, ontology)]
    assert {t.text for t in lexicon} >= {"pulled", "attacked", "arrested"}
    assert ids == [lt.token_ids(t, ontology) for t in lexicon]
    expected = ["ASSAULT" if t.text == "attacked" else lt.NONE for t in lexicon]
    assert [tl.CLASSES[c] for c in classes] == expected
    pulled = lt.token_features(next(t for t in doc if t.text == "pulled"), ontology)
    assert any(f.startswith("x2=") for f in pulled)  # "pull out" is a row of its own


def test_learned_types_reach_the_confidence_features(pipeline, ontology, scored):
    text = "Police in Nairobi arrested three protesters on Monday."
    evidence, _, found = next(s for s in scored(text) if s[1].event_type == "COERCE")
    token = _token(pipeline, text, "arrested")
    assert evidence.type_ids == lt.token_ids(token, ontology)
    assert found["learned_type"] == lt.model().p_type(evidence.type_ids, "COERCE") > 0.5
