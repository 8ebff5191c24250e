"""GET /api/export/{format}: the filtered events as a file to download (CSV, GeoJSON, the
ACLED- and GDELT-style tables, JSON lines), written by ``store/exports.py`` exactly as
``newsevents export`` writes them, with the filters of every other listing."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from newsevents.serve.db import get_store
from newsevents.serve.params import EventFilters
from newsevents.store import Store
from newsevents.store.exports import export_events

router = APIRouter(prefix="/api", tags=["export"])

# format: (file name ending, media type)
FILES: dict[str, tuple[str, str]] = {
    "csv": ("csv", "text/csv"),
    "acled": ("acled.csv", "text/csv"),
    "gdelt": ("gdelt.tsv", "text/tab-separated-values"),
    "geojson": ("geojson", "application/geo+json"),
    "jsonl": ("jsonl", "application/x-ndjson"),
}


@router.get("/export/{format}", summary="The filtered events as a file", response_class=FileResponse,
            responses={200: {"description": "The file, as an attachment (docs/exports.md)"}})
def export(
    format: Literal["csv", "geojson", "acled", "gdelt", "jsonl"],
    filters: EventFilters,
    store: Annotated[Store, Depends(get_store)],
) -> FileResponse:
    """Every event matching the filters (``limit``/``offset`` do not apply), newest first;
    ``geojson`` holds the events with coordinates. The file is written to a temporary
    folder and removed once sent."""
    ending, media = FILES[format]
    folder = Path(tempfile.mkdtemp(prefix="newsevents-export-"))
    path = folder / f"newsevents-events.{ending}"
    try:
        export_events(store, path, format=format, **dataclasses.asdict(filters))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(path, media_type=media, filename=path.name,
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))
