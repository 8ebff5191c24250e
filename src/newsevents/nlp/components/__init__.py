"""spaCy components newsevents adds to the model's pipeline."""
