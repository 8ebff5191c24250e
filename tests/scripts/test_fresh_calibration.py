"""The map of the confidence to news first seen (scripts/fresh_calibration.py, extract/scoring.py):
the fit recovers the map that made the labels, and scoring applies it without changing the order."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import fresh_calibration as fc

from newsevents.extract import scoring


def test_fresh_calibration_fit_recovers_the_map_that_made_the_labels():
    rng = np.random.default_rng(7)
    p = rng.uniform(0.01, 0.99, 20000).round(3)
    truth = np.array([scoring.first_seen(x, {"scale": 0.6, "shift": -0.5}) for x in p])
    y = (rng.uniform(size=p.size) < truth).astype(float)
    scale, shift = fc.fit(p, y)
    assert abs(scale - 0.6) < 0.05 and abs(shift + 0.5) < 0.05
    # labels that follow the confidence leave it as it is
    y = (rng.uniform(size=p.size) < p).astype(float)
    scale, shift = fc.fit(p, y)
    assert abs(scale - 1.0) < 0.05 and abs(shift) < 0.05


def test_first_seen_lowers_an_overconfident_probability_and_keeps_the_order():
    fresh = {"scale": 0.6, "shift": -0.5}
    assert scoring.first_seen(0.6, {"scale": 1.0, "shift": 0.0}) == 0.6
    mapped = [scoring.first_seen(p, fresh) for p in (0.1, 0.5, 0.6, 0.9)]
    assert mapped == sorted(mapped) and mapped[2] < 0.5 and mapped[3] < 0.9


def test_the_shipped_map_keeps_the_order_of_confidences():
    assert scoring.calibration()["scale"] > 0
