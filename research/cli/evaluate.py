"""`research eval`: measure the classifier on labelled headlines."""

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import fail, safe


@app.command("eval")
def evaluate_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Labelled headlines: JSON lines, JSON or CSV (title, company, label[, kind])."
        ),
    ],
    show: Annotated[
        int, typer.Option(min=0, max=1000, help="Also list this many harmful picks and misses.")
    ] = 0,
) -> None:
    """Measure the classifier on labelled headlines: harm, leak, coverage, kinds, speed."""
    import time

    from ..judge.evaluate import classifier_verdict, evaluate, format_evaluation
    from ..judge.labelled import load_labelled

    for path in files:
        try:
            rows = load_labelled(path)
        except ResearchError as exc:
            fail(exc)
        started = time.perf_counter()
        result = evaluate(rows, classifier_verdict, examples=show)
        typer.echo(format_evaluation(path.name, result, time.perf_counter() - started))
        for row in result.harmful_examples:
            typer.echo(f"  harmful pick: {safe(row.company)} | {safe(row.title)}")
        for row in result.missed_examples:
            typer.echo(f"  missed: {safe(row.company)} | {safe(row.title)}")
