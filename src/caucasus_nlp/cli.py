"""Command line: thin commands over the library (run, segment, extract, evaluate, rules, ...)."""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from caucasus_nlp.profiles import DEFAULT_MODEL, ENGINES, PROFILES, spare_torch

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
# emoji=False: ":hand:" in a title or rule id is text, not an emoji; every value from inputs or resources is
# printed escaped (rich.markup.escape, or as Text), so "[/url]" in a title is text, not markup
console = Console(emoji=False)
err = Console(stderr=True, soft_wrap=True, emoji=False)


# On a non-terminal, the longest a run's log stays silent.
HEARTBEAT_SECONDS = 30.0

PROFILE_HELP = ("fast: the statistical model and rules. accurate: adds the MiniLM transformer and an event-type classifier over "
                "its sentence vectors (event_mentions.type_confidence).")


def _load(model: str, domain: bool = True, profile: str = "fast", **options):
    from caucasus_nlp.event_typer import EventTyperError
    from caucasus_nlp.nlp import ModelNotFoundError, load_pipeline
    from caucasus_nlp.transformer import TransformerUnavailableError

    if profile not in PROFILES:
        err.print(f"[red]error:[/red] unknown profile {profile!r} (choose from {', '.join(PROFILES)})")
        raise typer.Exit(2)
    try:
        return load_pipeline(model, domain=domain, profile=profile, **options)
    except (ModelNotFoundError, TransformerUnavailableError, EventTyperError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None


@app.command()
def run(
    inputs: list[Path] = typer.Argument(
        ..., help="Dump files and/or folders of them: .txt/.text pasted text, .eml mail, .html pages, .jsonl/.csv/.tsv one article per record."
    ),
    out: Path = typer.Option(Path("data/processed"), "-o", "--out", help="Folder for the tables."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="Installed spaCy pipeline name or path."),
    profile: str = typer.Option("fast", "--profile", help=PROFILE_HELP),
    stock_ner: bool = typer.Option(
        False, "--stock-ner", help="Baseline for comparison: the model's own NER, without the domain gazetteer and corrections."
    ),
    workers: int = typer.Option(None, "--workers", min=1, help="Worker processes (default: the CPU cores available)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a LocalCluster."),
    keep_missing: bool = typer.Option(False, "--keep-missing", help="Keep the rows of inputs of the previous run that are gone."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when the analysis of any article failed (manifest.json failed_articles); "
                                "the tables of the others are published either way."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only warnings and errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also say what happens to every batch."),
):
    """Process dumps into every table of the schema (Parquet + CSV) and manifest.json.

    Reruns are incremental: inputs unchanged since the last run into the same folder are taken from
    its cache. Tables are published only when the whole run succeeds."""
    from caucasus_nlp.rerun import unchanged_manifest
    from caucasus_nlp.store import OutputError, OutputStore, RunResult

    if engine not in ENGINES:
        err.print(f"[red]error:[/red] unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
        raise typer.Exit(2)
    if profile not in PROFILES:
        err.print(f"[red]error:[/red] unknown profile {profile!r} (choose from {', '.join(PROFILES)})")
        raise typer.Exit(2)
    _configure_logging(quiet, verbose)
    with _signals_interrupt() as received:
        try:
            OutputStore(out).check_unlocked()
            # nothing changed since the last run: say so without importing spaCy or loading the model
            unchanged = unchanged_manifest(inputs, out, model, profile, not stock_ner)
            result = RunResult(unchanged, unchanged["row_counts"], up_to_date=True) if unchanged else _run_pipeline(
                inputs, out, model, profile, not stock_ner, workers, engine, scheduler, keep_missing, quiet)
        except OutputError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(1) from None
        except KeyboardInterrupt as exc:
            signum = received[-1] if received else signal.SIGINT
            finished = getattr(exc, "finished", None)
            kept = (f"{finished} of {exc.total} inputs were finished and are kept in {escape(str(out))}'s cache"
                    if finished is not None else "no input had been read yet")
            err.print(f"stopped by {signal.Signals(signum).name}: {kept}; the published tables are unchanged; run the same command again to resume")
            raise typer.Exit(128 + signum) from None
    manifest = result.manifest
    if not quiet:
        for rejection in manifest["rejected"]:
            err.print(f"[yellow]rejected[/yellow] {escape(rejection['path'])}: {escape(rejection['reason'])}")
        for skipped in manifest["skipped_articles"]:
            err.print(f"[yellow]skipped[/yellow] {escape(skipped['dump'])}#{skipped['seq']} {escape(repr(skipped['title'][:60]))}: {escape(skipped['reason'])}")
        for warning in manifest["warnings"]:
            err.print(f"[yellow]warning[/yellow] {escape(warning['path'])}: {escape(warning['reason'])}")
        for failed in manifest["failed_articles"]:
            err.print(f"[red]failed[/red] {escape(failed['dump'])}#{failed['seq']} {escape(repr(failed['title'][:60]))}: {escape(failed['error'])}")
        if hidden := manifest.get("skipped_inputs"):
            err.print(f"{len(hidden)} hidden files or folders skipped (manifest.json skipped_inputs)")
        if manifest["n_duplicate_articles"]:
            err.print(f"{manifest['n_duplicate_articles']} articles repeat an earlier one (articles.duplicate_of); they are analysed once")
    counts = ", ".join(f"{k} {v}" for k, v in result.rows.items())
    if result.up_to_date:
        console.print(f"nothing changed since the run of {manifest['finished']}: the tables in {escape(str(out))} are up to date ({counts})")
    else:
        reused = f", {manifest['n_inputs_reused']} unchanged" if manifest["n_inputs_reused"] else ""
        console.print(f"{len(manifest['inputs'])} inputs{reused}, {manifest['n_articles']} articles in {manifest['seconds']} s → {escape(str(out))}: {counts}")
    if not result.ok:
        err.print("[red]error:[/red] nothing could be processed")
        raise typer.Exit(1)
    if strict and (failed := manifest["failed_articles"]):
        err.print(f"[red]error:[/red] the analysis of {len(failed)} articles failed (--strict; manifest.json failed_articles)")
        raise typer.Exit(1)


def _run_pipeline(inputs, out, model, profile, domain, workers, engine, scheduler, keep_missing, quiet):
    """Load the model and run the pipeline (imports spaCy): an EngineError is a clear error, exit 1."""
    spare_torch(model, profile)
    from caucasus_nlp.engine import EngineError, default_workers
    from caucasus_nlp.pipeline import run as run_job

    nlp = _load(model, domain=domain, profile=profile)
    try:
        with _progress_display(quiet) as progress:
            result = run_job(inputs, out, model=model, nlp=nlp, domain=domain, profile=profile, workers=workers or default_workers(),
                             engine=engine, scheduler=scheduler, keep_missing=keep_missing, progress=progress)
    except EngineError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    return result


@contextmanager
def _signals_interrupt():
    """SIGTERM (a batch system's stop, `kill`) stops a run as Ctrl-C does: the run ends its workers,
    keeps its finished inputs and says so, instead of dying with no word. Yields the signals received."""
    received: list[int] = []

    def interrupt(signum, _frame):
        received.append(signum)
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, interrupt) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _configure_logging(quiet: bool, verbose: bool) -> None:
    """Plain log lines on stderr: what a batch job's log file should hold."""
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(message)s", datefmt="%H:%M:%S", force=True)
    for noisy in ("distributed", "asyncio", "tornado"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


@contextmanager
def _progress_display(quiet: bool):
    """A progress bar (inputs, articles, tokens/s, ETA) on a terminal. Elsewhere (a batch job's log
    file) a log line every HEARTBEAT_SECONDS besides the per-input ones, so that a long input never
    leaves the log silent."""
    if quiet:
        yield None
        return
    if not err.is_terminal:
        with _heartbeat() as show:
            yield show
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(), TextColumn("{task.fields[detail]}"))
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("inputs", total=None, detail="")

        def show(status) -> None:
            bar.update(task, total=status.bytes_total or None, completed=status.bytes_done,
                       description=f"inputs {status.inputs_done}/{status.inputs_total}",
                       detail=f"{status.articles} articles, {status.tokens_per_second:,.0f} tokens/s")

        yield show


@contextmanager
def _heartbeat():
    """Logs the run's latest progress every HEARTBEAT_SECONDS from a thread, however long a batch takes."""
    latest: list = [None]
    stop = threading.Event()

    started = time.monotonic()

    def beat() -> None:
        log = logging.getLogger("caucasus_nlp")
        while not stop.wait(HEARTBEAT_SECONDS):
            elapsed = f"working for {time.monotonic() - started:,.0f} s"
            if (status := latest[0]) is None:
                log.info("%s: no batch finished yet", elapsed)
            else:
                log.info("%s: inputs %d/%d done, %d articles, %s tokens/s", elapsed, status.inputs_done, status.inputs_total,
                         status.articles, f"{status.tokens_per_second:,.0f}")

    thread = threading.Thread(target=beat, name="heartbeat", daemon=True)
    thread.start()

    def show(status) -> None:
        latest[0] = status

    try:
        yield show
    finally:
        stop.set()
        thread.join()


@app.command()
def segment(file: Path = typer.Argument(..., help="One raw dump.")):
    """Print the articles found in a dump, to check segmentation of a new source at a glance."""
    from caucasus_nlp.io import read_dump
    from caucasus_nlp.language import detect_language
    from caucasus_nlp.records import Rejection
    from caucasus_nlp.segment import segment_dump

    dump = read_dump(file)
    if isinstance(dump, Rejection):
        err.print(f"[red]error:[/red] {escape(str(dump.path))}: {escape(dump.reason)}")
        raise typer.Exit(1)
    for rejection in dump.rejected:
        err.print(f"[yellow]rejected[/yellow] {escape(rejection.path)}: {escape(rejection.reason)}")
    for warning in dump.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(warning.path)}: {escape(warning.reason)}")
    result = segment_dump(dump)
    table = Table(title=Text(f"{dump.name} ({dump.format}, {dump.encoding}{', repaired' if dump.repaired else ''})"))
    for col in ("seq", "title", "outlet", "published", "url", "dateline", "lang", "chars"):
        table.add_column(col, overflow="fold")
    for a in result.articles:
        lang = detect_language(a.text).code
        table.add_row(*(Text(v) for v in (str(a.seq), a.title, a.outlet or "", a.published or "", a.url or "", a.dateline or "", lang, str(len(a.text)))))
    console.print(table)
    if result.removed:
        console.print("removed: " + ", ".join(f"{k} {v}" for k, v in result.removed.items()))


@app.command()
def extract(
    text: str = typer.Argument(None, help="Text to analyse (or use --file)."),
    file: Path = typer.Option(None, "--file", help="Read the text from this file."),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) that anchors relative dates."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="Installed spaCy pipeline name or path."),
    profile: str = typer.Option("fast", "--profile", help=PROFILE_HELP),
    explain: bool = typer.Option(False, "--explain", help="Show which rule found each row."),
    batch: Path = typer.Option(None, "--batch", help="Analyse many texts, loading the model once: one per line of this file "
                               "('-' for stdin), plain or a JSON object with \"text\" (and \"id\", \"published\"); writes one JSON "
                               "line per text to stdout."),
):
    """Print the entities, dates, agreements and events of one text (or, with --batch, of many as JSONL)."""
    spare_torch(model, profile)
    from caucasus_nlp.analysis import analyze_doc

    if batch is not None:
        _extract_batch(batch, published, model, profile)
        return
    if file is not None:
        text = file.read_text(encoding="utf-8", errors="replace")
    if not text or not text.strip():
        err.print("[red]error:[/red] give a text or --file")
        raise typer.Exit(2)
    analysis = analyze_doc(_load(model, profile=profile)(text), published)
    _print_rows("Entities", ["text", "label", "entity_id"] + (["source"] if explain else []),
                [[m.text, m.label, m.entity_id or "", m.source] for m in analysis.entities], explain)
    _print_rows("Dates", ["text", "value", "granularity"] + (["rule"] if explain else []),
                [[d.text, d.resolved.value if d.resolved else "", d.resolved.granularity if d.resolved else "",
                  d.resolved.rule if d.resolved else ""] for d in analysis.dates], explain)
    _print_rows("Agreements", ["text", "agreement", "status"] + (["rule"] if explain else []),
                [[a.text, a.agreement.name, a.status, a.rule_id] for a in analysis.agreements], explain)
    _print_rows("Events", ["type", "subtype", "trigger", "actors", "targets", "date", "modality", "qty"] + (["rule"] if explain else []),
                [[e.event_type, e.subtype, e.trigger, ", ".join(e.actors), ", ".join(e.targets), e.date or "",
                  e.modality, "" if e.quantity is None else str(e.quantity), e.rule_id] for e in analysis.events], explain)


# Texts of `extract --batch` handed to spaCy's nlp.pipe at a time.
EXTRACT_BATCH_SIZE = 64


def _extract_batch(source: Path, published: str | None, model: str, profile: str) -> None:
    """`extract --batch`: one JSON line per text of the source, in its order; a line that is no text
    gets its error instead (exit 0; the rows say which failed)."""
    import sys
    from itertools import islice

    from caucasus_nlp.io import PUBLISHED_DATE, extract_inputs

    if published is not None and not PUBLISHED_DATE.fullmatch(published):
        err.print(f"[red]error:[/red] --published {escape(published)!r} is not a date YYYY-MM-DD")
        raise typer.Exit(2)
    try:
        # utf-8-sig: a byte-order mark does not make the first JSON line a plain text
        stream = sys.stdin if str(source) == "-" else source.open(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot read {escape(str(source))}: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from None
    nlp = _load(model, profile=profile)
    with stream:
        inputs = extract_inputs(stream)
        while chunk := list(islice(inputs, EXTRACT_BATCH_SIZE)):
            texts = [i for i in chunk if i.text is not None]
            docs = dict(zip((i.line for i in texts), nlp.pipe(i.text for i in texts), strict=True))
            for item in chunk:
                sys.stdout.write(json.dumps(_extract_row(item, docs.get(item.line), published), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _extract_row(item, doc, published: str | None) -> dict:
    """The JSON row of one text of `extract --batch`: its analysis, or the error of its line or of its
    analysis (one bad text does not end the batch)."""
    from caucasus_nlp.analysis import analysis_record, analyze_doc

    row = {"id": item.id, "line": item.line}
    if item.error is not None:
        return row | {"error": item.error}
    try:
        return row | analysis_record(analyze_doc(doc, item.published or published))
    except Exception as exc:  # noqa: BLE001 - reported on the text's row, as a run reports a failed article
        return row | {"error": f"analysis failed: {type(exc).__name__}: {exc}"}


def _print_rows(title: str, columns: list[str], rows: list[list[str]], explain: bool) -> None:
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(Text(v) for v in (row if explain else row[: len(columns)])))
    console.print(table)


def evaluate_incidents(incidents: Path, pred: Path, json_out: Path | None) -> None:
    """`evaluate --incidents`: the scores of score_incidents.py, as a table."""
    from caucasus_nlp.evaluate_incidents import IncidentsError, score_incidents

    if not incidents.exists():
        err.print(f"[red]error:[/red] incident file not found: {escape(str(incidents))}")
        raise typer.Exit(2)
    try:
        result = score_incidents(incidents, pred)
    except (FileNotFoundError, IncidentsError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    table = Table(title=Text(f"{pred} vs {incidents.name}"))
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in result.items():
        table.add_row(name, str(value))
    console.print(table)
    if json_out:
        json_out.write_text(json.dumps(result, indent=1), encoding="utf-8")


@app.command()
def evaluate(
    gold: Path = typer.Option(None, "--gold", help="Gold JSONL (gold/FORMAT.md)."),
    pred: Path = typer.Option(..., "--pred", help="Output folder of `caucasus-nlp run`."),
    incidents: Path = typer.Option(None, "--incidents", help="ACLED-style incident reports (JSONL) the run was fed, "
                                   "one article per report (../shared/tools/incidents_to_dump.py): score them instead."),
    json_out: Path = typer.Option(None, "--json", help="Also write the scores to this JSON file."),
):
    """Print P/R/F1 per layer against gold annotations, or, with --incidents, the incident-report scores
    (type recall and precision through resources/acled_plover.tsv, place within 25 km, date)."""
    from caucasus_nlp.evaluate import GoldError
    from caucasus_nlp.evaluate import evaluate as score

    if (gold is None) == (incidents is None):
        err.print("[red]error:[/red] give either --gold or --incidents")
        raise typer.Exit(2)
    if incidents is not None:
        evaluate_incidents(incidents, pred, json_out)
        return
    if not gold.exists():
        err.print(f"[red]error:[/red] gold file not found: {escape(str(gold))}")
        raise typer.Exit(2)
    try:
        result = score(gold, pred)
    except (FileNotFoundError, GoldError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    table = Table(title=Text(f"{pred} vs {gold.name}"))
    for col in ("layer", "P", "R", "F1", "tp/pred/gold"):
        table.add_column(col)
    layers = [("articles", result["articles"])] + [(f"entities {k}", v) for k, v in result["entities"].items()]
    layers += [(k, result[k]) for k in ("dates", "agreements", "events", "events_type_only")]
    for name, s in layers:
        table.add_row(name, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}", f"{s['tp']}/{s['pred']}/{s['gold']}")
    console.print(table)
    meta = ", ".join(f"{k} {v:.3f}" for k, v in result["metadata_accuracy"].items())
    console.print(f"metadata accuracy: {meta}; place linking accuracy: {result['place_linking_accuracy']}; "
                  f"entities per dump F1: {result['entities_per_dump']['f1']}")
    if json_out:
        json_out.write_text(json.dumps(result, indent=1), encoding="utf-8")


@app.command()
def rules(
    folder: Path = typer.Argument(..., help="Output folder of `caucasus-nlp run`."),
    gold: Path = typer.Option(None, "--gold", help="Gold JSONL (gold/FORMAT.md): also score each rule, matching events as evaluate does."),
    json_out: bool = typer.Option(False, "--json", help="Print the records as a JSON list instead of tables: the rules', then the "
                                  "gates' (with \"kind\": \"gate\")."),
):
    """Print, per rule id of event_mentions.rule_id, its rows and articles; with --gold, also its rows
    that match a gold event, their precision, and the gold events only its rows match. Then, per gate
    id of dropped_event_candidates.gate_id, the candidates it dropped and their articles; with --gold,
    also the gold events no kept row matches that its dropped candidates would have (lost)."""
    from caucasus_nlp.rules_report import RulesReportError, rules_report

    try:
        result = rules_report(folder, gold)
    except RulesReportError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    if json_out:
        typer.echo(json.dumps(result.records + (result.gates or []), indent=1, ensure_ascii=False))
        return
    columns = ["rule", "rows", "articles"] + (["matched", "precision", "only"] if gold else [])
    # Text, not markup: a rule id is data, and escape() alone would still turn trigger:fire:verb:... into an emoji
    table = Table(title=Text(f"Event rules of {folder}" + (f" vs {gold.name}" if gold else "")))
    for col in columns:
        table.add_column(col, justify="left" if col == "rule" else "right", no_wrap=col != "rule", overflow="fold")
    for r in result.records:
        cells = [Text(r["rule_id"]), str(r["rows"]), str(r["articles"])]
        table.add_row(*cells, *([str(r["matched"]), f"{r['precision']:.3f}", str(r["only"])] if gold else []))
    console.print(table)
    if gold:
        console.print(f"scored: {result.scored_rows} of {result.rows} event-mention rows, those of the articles aligned to "
                      f"{result.aligned} of {result.gold_articles} gold articles; only: gold events no row would match had the rule not fired")
    else:
        console.print(f"{result.rows} event-mention rows, {len(result.records)} rule ids")
    _print_gates(result, folder, gold)


def _print_gates(result, folder: Path, gold: Path | None) -> None:
    if result.gates is None:
        console.print(f"no dropped_event_candidates table in {escape(str(folder))}: run `caucasus-nlp run` into it again to measure the gates")
        return
    if not result.gates:
        console.print("no candidate dropped by a gate" + (" in the aligned articles" if gold else ""))
        return
    columns = ["gate", "dropped", "articles"] + (["lost", "precision"] if gold else [])
    table = Table(title=Text(f"Event gates of {folder}" + (f" vs {gold.name}" if gold else "")))
    for col in columns:
        table.add_column(col, justify="left" if col == "gate" else "right", no_wrap=col != "gate", overflow="fold")
    for r in result.gates:
        table.add_row(Text(r["gate_id"]), str(r["dropped"]), str(r["articles"]), *([str(r["lost"]), f"{r['precision']:.3f}"] if gold else []))
    console.print(table)
    if gold:
        console.print(f"scored: {result.scored_dropped} of {result.dropped} dropped candidates, those of the aligned articles; lost: gold "
                      "events no kept row matches that a dropped candidate of the same type whose sentence holds their evidence would; "
                      "precision: 1 - lost/dropped")
    else:
        console.print(f"{result.dropped} dropped candidates, {len(result.gates)} gate ids")


@app.command()
def export(
    folder: Path = typer.Argument(..., help="Output folder of `caucasus-nlp run`."),
    file: Path = typer.Argument(..., help="Database file to write (replaced if it exists)."),
    to: str = typer.Option(..., "--to", help="duckdb or sqlite."),
):
    """Write every table into one DuckDB or SQLite database, with keys, descriptions and views
    (event_timeline, entity_cooccurrence, actor_interactions)."""
    from caucasus_nlp.export import ExportError
    from caucasus_nlp.export import export as export_tables

    try:
        counts = export_tables(folder, to, file)
    except ExportError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    console.print(f"{escape(str(file))}: " + ", ".join(f"{name} {n}" for name, n in counts.items()))


@app.command()
def report(
    folder: Path = typer.Argument(..., help="Output folder of `caucasus-nlp run`."),
    out: Path = typer.Option(None, "-o", "--out", help="HTML file to write (default: FOLDER/report.html, beside the tables)."),
    max_articles: int = typer.Option(200, "--max-articles", min=0, help="Article pages to include, newest first."),
):
    """Write one self-contained HTML page: event timeline, events table, map, actors, agreements and article pages."""
    from caucasus_nlp.report import write_report
    from caucasus_nlp.tables import SchemaError

    out = out or folder / "report.html"
    try:
        summary = write_report(folder, out, max_articles)
    except (FileNotFoundError, SchemaError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write {escape(str(out))}: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(1) from None
    off = ", ".join(f"{n} {key}" for key, n in summary.off_timeline.items() if n)
    console.print(f"{escape(str(out))}: {summary.event_rows} events in the table, {summary.timeline_points} on the timeline"
                  f"{f', {sum(summary.off_timeline.values())} off it ({off})' if off else ''}, {summary.event_points} events and {summary.place_points} places on the map, "
                  f"{summary.articles} article pages")


@app.command()
def show(folder: Path = typer.Argument(..., help="Output folder of `caucasus-nlp run`."),
         top: int = typer.Option(10, "--top", min=1, help="Rows in each top list.")):
    """Print row counts per table, the most mentioned entities and the most reported events."""
    from caucasus_nlp.report import EMPTY, Run, cell, names_of
    from caucasus_nlp.tables import SchemaError

    try:
        run = Run.read(folder)
    except (FileNotFoundError, SchemaError) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    manifest = run.manifest
    console.print(f"{escape(str(folder))}: {manifest['n_articles']} articles from {len(manifest['inputs'])} inputs, "
                  f"{manifest.get('profile', 'fast')} profile, finished {manifest['finished']}")
    counts = Table(title="Rows per table")
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, n in manifest["row_counts"].items():
        counts.add_row(name, str(n))
    console.print(counts)
    entities = Table(title=f"Top {top} entities by articles")
    for col in ("entity", "type", "articles", "mentions"):
        entities.add_column(col)
    for e in run.entities.sort_values(["n_articles", "n_mentions"], ascending=False).head(top).itertuples():
        entities.add_row(escape(e.name), e.type, str(e.n_articles), str(e.n_mentions))
    console.print(entities)
    events = Table(title=f"Top {top} events by reports")
    for col in ("date", "type", "actors", "targets", "reports", "outlets"):
        events.add_column(col)
    for e in run.events.sort_values(["n_mentions", "n_outlets"], ascending=False).head(top).itertuples():
        events.add_row(cell(e.date) or EMPTY, e.event_type, escape(names_of(run, e.actors)), escape(names_of(run, e.targets)),
                       str(e.n_mentions), str(e.n_outlets))
    console.print(events)
    by_type = run.events["event_type"].value_counts()
    console.print("events by type: " + ", ".join(f"{t} {n}" for t, n in by_type.items()))


@app.command("import-acled")
def import_acled(
    export: Path = typer.Argument(..., help="An ACLED export (CSV with ACLED's column names)."),
    output: Path = typer.Option(Path("data/external/acled"), "--output", "-o", help="Folder of the labelled notes (git-ignored)."),
    exclude: list[Path] = typer.Option(None, "--exclude", help="Incident reports (JSONL) to keep out of training; "
                                       "default ../shared/validation/incidents.jsonl where it exists."),
):
    """Turn an ACLED export's notes into labelled sentences for `train`, leaving out rows about Armenia and
    Azerbaijan (reserved for evaluation) and the validation incident reports."""
    from caucasus_nlp.acled_notes import import_acled_notes
    from caucasus_nlp.event_typer import EventTyperError

    if exclude is None:
        default = Path("../shared/validation/incidents.jsonl")
        exclude = [default] if default.is_file() else []
    try:
        report = import_acled_notes(export, output, exclude)
    except EventTyperError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    summary = report.as_dict()
    console.print(f"{summary['imported']} of {summary['rows']} rows imported to {escape(str(output))}: "
                  + escape(json.dumps(summary["imported_by_label"])))
    console.print("left out: " + escape(json.dumps(summary["left_out"])))


@app.command()
def train(config: Path = typer.Argument(Path("models/event_typer/config.cfg"), help="Training config of the event-type classifier.")):
    """Train the event-type classifier over MiniLM sentence vectors and save it where the config says."""
    from caucasus_nlp.event_typer import EventTyperError
    from caucasus_nlp.event_typer_training import train_event_typer

    if not config.is_file():
        err.print(f"[red]error:[/red] config not found: {escape(str(config))}")
        raise typer.Exit(2)
    nlp = _load(DEFAULT_MODEL, profile="accurate", event_typer=None)
    try:
        meta = train_event_typer(config, nlp)
    except EventTyperError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    metrics = meta["metrics"]
    console.print(f"trained on {metrics['n_train']} sentences, {len(metrics['labels'])} labels; weights {meta['weights']}")
    for name, s in metrics.get("heldout", {}).items():
        console.print(f"held out, {name}: {json.dumps(s)}")


if __name__ == "__main__":
    app()
