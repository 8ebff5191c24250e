"""``python -m newsevents.cli``."""

from newsevents.cli import app

app()
