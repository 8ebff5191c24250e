"""Eval: score newsevents against labelled data sets (see ``newsevents eval``)."""
