"""The ``eval`` sub-commands: scores against the labelled data sets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from newsevents.cli.common import Model, error
from newsevents.errors import NewsEventsError
from newsevents.nlp import DEFAULT_MODEL

T = TypeVar("T")

eval_app = typer.Typer(help="Score newsevents against labelled data sets.", no_args_is_help=True)


def _gold(load: Callable[[Path], T], path: Path) -> T:
    """Load a labelled set, or say in one line why it cannot be read."""
    try:
        return load(path)
    except (OSError, NewsEventsError, ValueError, KeyError) as exc:
        error(f"cannot read {path}: {exc}")
        raise typer.Exit(2) from None


ShowErrors = Annotated[bool, typer.Option(help="Print each item scored wrong.")]


@eval_app.command("plover-gsr")
def eval_plover_gsr(
    path: Annotated[Path, typer.Argument(help="Folder with PLOVER_GSR_CAMEO.txt")],
    model: Model = DEFAULT_MODEL,
    show_errors: ShowErrors = False,
) -> None:
    """Event typing and actor coding on the PLOVER gold standard records."""
    from newsevents.eval.plover_gsr import evaluate, load_gold, report
    from newsevents.pipeline import Pipeline

    gold = _gold(load_gold, path)
    report(evaluate(gold, Pipeline(model=model)), Console(), show_errors=show_errors)


@eval_app.command("dates")
def eval_dates(
    path: Annotated[Path, typer.Argument(help="Folder with tbaq_docs.jsonl and tbaq_timex.jsonl")],
    model: Model = DEFAULT_MODEL,
    show_errors: ShowErrors = False,
) -> None:
    """Grounding of TimeBank/AQUAINT DATE expressions at the gold granularity."""
    from newsevents.eval.timebank import evaluate, load_gold, report
    from newsevents.nlp import load_pipeline

    gold = _gold(load_gold, path)
    report(evaluate(gold, load_pipeline(model)), Console(), show_errors=show_errors)


@eval_app.command("geo")
def eval_geo(
    path: Annotated[Path, typer.Argument(help="Folder with lgl.xml and GWN.xml, or one of them")],
    model: Model = DEFAULT_MODEL,
) -> None:
    """Toponym recognition and resolution on LGL and GeoWebNews."""
    from newsevents.eval.geo import evaluate, load_gold, report

    gold = _gold(load_gold, path)
    report(evaluate(gold, model=model), Console())


@eval_app.command("dedup")
def eval_dedup(
    path: Annotated[Path, typer.Argument(help="Folder with the ECB+ docs and event mentions")],
    model: Model = DEFAULT_MODEL,
    seed: Annotated[int | None, typer.Option(help="Deliver the documents in a shuffle of this seed.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per stored batch.")] = 64,
) -> None:
    """Store the ECB+ documents as a feed would deliver them; score the stored threads over
    documents and stories over annotated event mentions (B-cubed)."""
    from newsevents.eval import ecbplus
    from newsevents.pipeline import Pipeline

    gold = _gold(ecbplus.load_gold, path)
    mentions = _gold(lambda p: ecbplus.load_mentions(p, gold), path)
    result = ecbplus.evaluate(gold, Pipeline(model=model), mentions=mentions, seed=seed,
                              batch_size=batch_size)
    ecbplus.report(result, Console())



@eval_app.command("news")
def eval_news(
    path: Annotated[Path | None, typer.Argument(
        help="The shared eval folder holding the article texts (default: the nearest shared/eval)")] = None,
    gold: Annotated[Path | None, typer.Option(
        help="Folder of gold files (default: the bundled hand-annotated set of --split)")] = None,
    split: Annotated[str, typer.Option(
        help="Bundled split: 'dev' to tune on, 'test' for reported figures (docs/annotation.md)")] = "test",
    batch: Annotated[list[str] | None, typer.Option(
        help="Only the articles of this annotator batch of --split (repeat it: a draw round is three, "
             "--batch DC --batch DD --batch DE; docs/annotation.md)")] = None,
    model: Model = DEFAULT_MODEL,
    show_errors: ShowErrors = False,
) -> None:
    """What we publish on whole real articles: per-field precision and recall against the news gold
    set, and the log loss of the confidence over every event neither negated nor hypothetical."""
    from newsevents.eval import news
    from newsevents.eval.news_gold import SPLITS, batch_articles
    from newsevents.eval.news_texts import find_eval_dir
    from newsevents.pipeline import Pipeline

    if split not in SPLITS:
        error(f"--split is one of {', '.join(SPLITS)}, not {split!r}")
        raise typer.Exit(2)
    try:
        wanted = batch_articles(SPLITS[split].sample, batch) if batch else None
    except ValueError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    folder = path or find_eval_dir(Path.cwd())
    if folder is None:
        error("no shared/eval folder here or above; give its path")
        raise typer.Exit(2)
    articles = _gold(lambda where: news.load_gold(where, gold or SPLITS[split].gold_dir), folder)
    if wanted is not None:
        articles = [a for a in articles if a.text.article_id in wanted]
    news.report(news.evaluate(articles, Pipeline(model=model)), Console(), show_errors=show_errors)


@eval_app.command("case2021")
def eval_case2021(
    path: Annotated[Path, typer.Argument(help="Folder with case2021_task2_dev.tsv")],
    model: Model = DEFAULT_MODEL,
    show_errors: ShowErrors = False,
) -> None:
    """ACLED sub-event types of CASE 2021 snippets: micro/macro-F1 over the 25 types, coverage,
    false alarms on the five non-ACLED labels."""
    from newsevents.eval.case2021 import evaluate, load_gold, report
    from newsevents.pipeline import Pipeline

    gold = _gold(load_gold, path)
    report(evaluate(gold, Pipeline(model=model)), Console(), show_errors=show_errors)
