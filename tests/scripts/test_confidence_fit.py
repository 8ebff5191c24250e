"""The confidence fit's held-out measure (scripts/train_confidence.py, scripts/confidence_setups.py)
on made-up candidate events: a round is scored by a fit that never saw its labels (learned_type
too), the trigger_rate smoothing follows the setup, and the nested elimination drops a feature
of noise."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import confidence_setups
import train_confidence as tc
import train_learned_types as tl


def _row(name, key, right, **features):
    return tc.Row(name, {"trigger_rate": 0.0, **features}, right, right, right, 1.0,
                  (name, 0) if right else None, key)


def test_confidence_fit_a_held_out_round_is_scored_without_its_own_labels():
    # "ASSAULT shelled" is right every time, but only round A says so: held out, A is scored by
    # rounds B and C, where ASSAULT was mostly wrong, so none of it is published
    rows = ([_row("A", "ASSAULT shelled", True) for _ in range(8)]
            + [_row(n, "ASSAULT hit", i < 2) for n in "ABC" for i in range(8)])
    setup = tc.Setup(trigger_min=3)
    table, p = tc.leave_one_round_out(rows, {"A": 10, "B": 2, "C": 2}, setup)
    assert table["A"]["published"] == 0 and p[:8].max() < 0.5
    every = tc.rated(rows, tc.rates(rows, setup))
    intercept, weights = tc.fit(tc.matrix(every, ["trigger_rate"]), tc.labels(every), setup.l2)
    assert tc.predict(tc.matrix(every[:8], ["trigger_rate"]), intercept, weights).min() > 0.5  # in sample


def test_confidence_fit_trigger_rate_follows_the_setup_smoothing():
    rows = ([_row("A", "COERCE arrested", True) for _ in range(3)]
            + [_row("A", "COERCE custody", i == 0) for i in range(6)])
    rare = tc.rates(rows, tc.Setup(trigger_min=5))["triggers"]
    assert "COERCE arrested" not in rare and "COERCE custody" in rare  # seen 3 times: its type's
    loose = tc.rates(rows, tc.Setup(trigger_prior=1.0, trigger_min=3))["triggers"]
    tight = tc.rates(rows, tc.Setup(trigger_prior=20.0, trigger_min=3))["triggers"]
    assert loose["COERCE arrested"] > tight["COERCE arrested"] > 0  # more prior: nearer the type


def test_confidence_fit_publishing_cut_trades_recall_for_precision():
    rows = [_row("A", "ASSAULT hit", i % 2 == 0) for i in range(4)]
    p = np.array([0.9, 0.55, 0.6, 0.3])
    assert tc.figures(rows, p, 4)["published"] == 3
    assert tc.figures(rows, p, 4, cut=0.7)["published"] == 1


def test_confidence_fit_nested_elimination_drops_noise_and_keeps_signal():
    random = np.random.default_rng(7)
    rows = []
    for name in "ABCDE":
        for _ in range(60):
            signal = float(random.random() < 0.5)
            right = bool(random.random() < (0.8 if signal else 0.2))
            rows.append(_row(name, "ASSAULT hit", right, signal=signal, noise=float(random.normal())))
    names = tc.feature_names(rows)
    dropped = confidence_setups.eliminated(rows, tc.Setup(), names)
    assert "noise" in dropped and "signal" not in dropped


def test_confidence_fit_shipped_model_leaves_out_the_features_chosen_as_noise():
    weights = tc.scoring.model()["weights"]
    assert tc.SETUP.dropped and not set(tc.SETUP.dropped) & set(weights)
    assert "trigger_rate" in weights and "actor_none" in weights


def test_confidence_fit_learned_type_never_comes_from_a_model_that_saw_its_round():
    # only round A's tokens of bucket 3 are ASSAULT: a model that saw A knows it, none other may
    assault = tl.CLASSES.index("ASSAULT")
    examples = {r: [([(1, 2)] * 20, [0] * 20)] for r in "ABCDE"}
    examples["A"].append(([(1, 3)] * 20, [assault] * 20))
    head = ("A", (1, 3), "ASSAULT")
    assert tl.fit([x for r in "ABCDE" for x in examples[r]]).p_type(head[1], "ASSAULT") > 0.9
    (values,) = tl.nested(examples, list("ABCDE"), [head])
    assert set(values) == {tl.FINAL, *"ABCDE"} and max(values.values()) < 0.2
