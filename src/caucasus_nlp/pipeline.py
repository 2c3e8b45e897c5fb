"""The batch job: inputs in, every SCHEMA table and a manifest out.

io → segment → nlp → extract → tables. Each article is analysed once (`analysis.article_rows`, by
the engine), with the same `analyze_doc` the `extract` command uses on a single text, so what a user
sees there is what a run writes.

A run works input by input. What an input yields (its articles' rows) is cached in the output
folder under the input's content hash and the pipeline fingerprint (`store`), so a rerun analyses
only new or changed inputs. The tables are then assembled from the cached inputs in input order,
streaming one batch at a time; only what spans inputs is held in memory: the event mentions
(deduplicated across articles into events), the entity and agreement tallies, and the ids of the
articles seen (to mark repeats). They are written to a staging folder and published all at once.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from spacy.language import Language

from caucasus_nlp import __version__
from caucasus_nlp.analysis import referenced_ids
from caucasus_nlp.engine import Batch, make_engine
from caucasus_nlp.extract.dedup import cluster_events
from caucasus_nlp.extract.events.actors import actor_codes
from caucasus_nlp.ids import stable_id
from caucasus_nlp.io import discover_inputs, dump_names, read_dump
from caucasus_nlp.language import detect_language
from caucasus_nlp.nlp import DEFAULT_MODEL, PipelineSpec, model_version
from caucasus_nlp.profiles import code_fingerprint, launch_fingerprint, library_versions
from caucasus_nlp.records import Article, Dump, Rejection, Segmentation
from caucasus_nlp.segment import segment_dump
from caucasus_nlp.store import OutputError, OutputStore, RunResult, ShardWriter, shard_key
from caucasus_nlp.tables import SCHEMA_VERSION, TABLES, TableWriter, write_datapackage, write_manifest, write_table

# Articles sent to a worker at once: large enough to keep a worker busy between hand-offs, small
# enough that memory and a cache part stay small.
ARTICLES_PER_BATCH = 64
# ... and at most about this many characters (a few seconds of work), so that progress is reported
# often even for inputs of very long articles.
CHARS_PER_BATCH = 200_000
# spaCy's own default Doc length limit; a longer article is skipped with its reason in the manifest.
MAX_ARTICLE_CHARS = 1_000_000

log = logging.getLogger("caucasus_nlp")


class RunInterrupted(KeyboardInterrupt):
    """The run was stopped while analysing: the published tables are as they were, and the inputs it
    finished are in the cache, so the next run into the folder resumes with the rest."""

    def __init__(self, finished: int, total: int):
        super().__init__(f"{finished} of {total} inputs finished")
        self.finished, self.total = finished, total

    @classmethod
    def of(cls, items: list[_Input], store: OutputStore, total: int) -> RunInterrupted:
        """The interruption of a run whose cache holds the shards of some of its items."""
        return cls(sum(1 for i in items if store.has_shard(i.key)), total)


@dataclass
class RunProgress:
    """What a progress display needs; sent after every input and batch."""

    inputs_total: int
    inputs_done: int = 0
    bytes_total: int = 0
    bytes_done: float = 0.0
    articles: int = 0
    tokens: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def tokens_per_second(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.tokens / elapsed if elapsed > 0 else 0.0


@dataclass
class _Input:
    """One input of this run, found on disk or kept from the previous manifest (--keep-missing)."""

    record: dict
    key: str | None = None
    reused: bool = False


@dataclass
class _Pending:
    """An input whose batches are out at the engine: its shard is finished when the last returns."""

    item: _Input
    writer: ShardWriter
    summary: dict
    records: dict[int, list[dict]]
    batches_left: int
    chars_total: int
    bytes_total: int


def pipeline_fingerprint(nlp: Language) -> str:
    """Changes whenever cached results could differ: our code and resources, the model, its
    components, the weights of a trained component (the event-type classifier) and the versions
    of the libraries that compute results (profiles.library_versions)."""
    weights = [getattr(pipe, "fingerprint", "") for _, pipe in nlp.pipeline]
    return stable_id(code_fingerprint(), model_version(nlp), ",".join(nlp.pipe_names), *weights, SCHEMA_VERSION, library_versions("accurate"))


def run(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    model: str = DEFAULT_MODEL,
    nlp: Language | None = None,
    *,
    domain: bool = True,
    profile: str = "fast",
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    keep_missing: bool = False,
    progress: Callable[[RunProgress], None] | None = None,
) -> RunResult:
    """Process every input and publish all tables in out_dir; bad inputs are recorded, never fatal.

    Inputs whose content and pipeline are unchanged since an earlier run are taken from the cache.
    Inputs of the previous run that are gone are dropped from the tables, or kept with keep_missing.
    Raises OutputError when the folder cannot be written (the published tables are then untouched),
    EngineError when the engine cannot start.
    """
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    with OutputStore(out_dir) as store:  # prepared and locked until the run ends
        previous = store.previous_manifest() or {}
        spec = PipelineSpec(model, domain, profile)
        nlp = nlp or spec.load()
        fingerprint = pipeline_fingerprint(nlp)
        files, rejections, hidden = discover_inputs(inputs)
        rejected = [asdict(r) for r in rejections]
        skipped = [asdict(r) for r in hidden]
        status = RunProgress(inputs_total=len(files), bytes_total=sum(_size(p) for p in files))
        items: list[_Input] = []
        runner = make_engine(engine, workers, nlp, spec, scheduler)
        try:
            pending: dict[str, _Pending] = {}
            batches = _batches(files, store, fingerprint, spec, items, pending, rejected, status, progress)
            for batch, rows in runner.map(batches):
                _store_batch(batch, rows, pending, status, progress)
        except KeyboardInterrupt:  # Ctrl-C, or a SIGTERM the caller turned into one: end the workers now, keep what is cached
            runner.abort()
            raise RunInterrupted.of(items, store, len(files)) from None
        finally:
            runner.close()
        missing = _missing_inputs(previous, items, store, keep_missing)
        items.extend(m for m in missing if m.key)
        launch = launch_fingerprint(model, profile, domain)
        if _up_to_date(previous, items, rejected, skipped, store, fingerprint) and previous.get("launch_fingerprint") == launch:
            log.info("nothing changed since the last run: the published tables stand")
            return RunResult(previous, previous["row_counts"], up_to_date=True)
        staging = store.new_staging()
        try:
            assembled = _assemble(items, store, staging)
            manifest = {
                "schema_version": SCHEMA_VERSION,
                "package_version": __version__,
                "model": model_version(nlp),
                "profile": profile,
                "pipeline": nlp.pipe_names,
                "pipeline_fingerprint": fingerprint,
                "launch_fingerprint": launch,
                "engine": engine,
                "workers": workers,
                "started": started.isoformat(timespec="seconds"),
                "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "seconds": round(time.perf_counter() - clock, 2),
                "inputs": [i.record for i in items],
                "n_inputs_reused": sum(1 for i in items if i.reused and not i.record.get("missing")),
                "n_inputs_processed": sum(1 for i in items if not i.reused),
                "missing_inputs": [{k: m.record[k] for k in ("path", "dump", "sha256")} | {"kept": bool(m.key)} for m in missing],
                "rejected": rejected + assembled.rejected,
                "warnings": assembled.warnings,
                "skipped_inputs": skipped,
                "skipped_articles": assembled.skipped,
                "failed_articles": assembled.failed,
                "furniture_removed": dict(sorted(assembled.removed.items())),
                "n_articles": assembled.n_articles,
                "n_duplicate_articles": assembled.n_duplicates,
                "row_counts": assembled.rows,
            }
            write_datapackage(staging, f"caucasus-nlp {__version__} tables of {assembled.n_articles} articles, {profile} profile, "
                              f"finished {manifest['finished']}.")
            write_manifest(manifest, staging)
            store.publish()
        except BaseException as exc:
            store.settle_staging()
            if isinstance(exc, OSError):  # a full disk or a lost mount while writing: the published tables stay as they were
                raise OutputError(f"cannot write the tables in {store.folder}: {exc.strerror or exc}") from exc
            if isinstance(exc, KeyboardInterrupt):  # while writing the tables: every input is finished and cached
                raise RunInterrupted.of(items, store, len(files)) from None
            raise
        store.drop_shards_except({i.key for i in items if i.key})
        return RunResult(manifest, assembled.rows)


def _up_to_date(previous: dict, items: list[_Input], rejected: list[dict], skipped: list[dict], store: OutputStore, fingerprint: str) -> bool:
    """True when this run would publish what is already published: same pipeline, the same inputs
    with the same content at the same paths in the same order, the same rejections and skipped
    hidden inputs, and every table in place."""
    if not previous or previous.get("pipeline_fingerprint") != fingerprint or any(not i.reused for i in items):
        return False
    if [(i.key, i.record["path"]) for i in items] != [(r.get("shard"), r["path"]) for r in previous.get("inputs", []) if r.get("shard")]:
        return False
    return store.publishes(previous, [i.key for i in items], rejected, skipped, TABLES)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _batches(files, store: OutputStore, fingerprint: str, spec: PipelineSpec, items: list[_Input],
             pending: dict[str, _Pending], rejected: list[dict], status: RunProgress, progress) -> Iterator[Batch]:
    """Reads and segments each input, reuses its cached shard when there is one, and otherwise yields
    its articles in batches, registering the input in `pending` until its last batch is stored."""
    names = dump_names(files)
    for path in files:
        dump = read_dump(path, names[path])
        if isinstance(dump, Rejection):
            rejected.append(asdict(dump))
            _input_done(status, _size(path), progress)
            continue
        key = shard_key(dump.sha256, dump.name, fingerprint)
        if store.has_shard(key):  # names are unique within a run, so a key is never analysed twice
            record = store.shard_summary(key)["input"]  # the input may have moved since: keep its path now
            items.append(_Input(record | {"path": dump.path, "reused": True}, key, reused=True))
            log.info("%s: unchanged, %d articles taken from the cache", dump.name, record["n_articles"])
            _input_done(status, dump.n_bytes, progress)
            continue
        segmentation = segment_dump(dump)
        within, too_long = _split_by_length(segmentation.articles)  # before language detection: a skipped giant costs nothing more
        fitting, not_english = split_by_language(within)
        record = _input_record(dump, segmentation, len(not_english) + len(too_long))
        item = _Input(record | {"reused": False}, key)
        items.append(item)
        summary = {
            "input": item.record,
            "rejected": [asdict(r) for r in dump.rejected]
            + ([] if segmentation.articles else [asdict(Rejection(dump.path, "no article found in the dump", stage="segment"))]),
            "skipped": not_english + too_long,
            "warnings": [asdict(w) for w in dump.warnings],
        }
        writer = store.shard_writer(key)
        slices = _article_slices(fitting)
        if not slices:
            writer.finish(summary)
            _input_done(status, dump.n_bytes, progress)
            continue
        chars = sum(len(a.text) for a in fitting) or 1
        pending[key] = _Pending(item, writer, summary, {}, len(slices), chars, dump.n_bytes)
        years = Counter(int(a.published[:4]) for a in fitting if a.published)
        year_hint = years.most_common(1)[0][0] if years else None
        for part, (records, unique) in enumerate(slices):
            pending[key].records[part] = records
            yield Batch(spec, year_hint, tuple(unique), key, part)
        log.debug("%s: %d articles queued in %d batches", dump.name, len(fitting), len(slices))


def _split_by_length(articles: list[Article]) -> tuple[list[Article], list[dict]]:
    """Articles the model accepts, and a manifest record for each one longer than that."""
    fitting, skipped = [], []
    for a in articles:
        if len(a.text) <= MAX_ARTICLE_CHARS:
            fitting.append(a)
            continue
        skipped.append({"dump": a.dump, "seq": a.seq, "title": a.title[:200], "language": a.language, "probability": None,
                        "raw_start": a.raw_start, "raw_end": a.raw_end,
                        "reason": f"article of {len(a.text):,} characters exceeds the {MAX_ARTICLE_CHARS:,} the pipeline accepts"})
    return fitting, skipped


def _article_slices(articles: list[Article]) -> list[tuple[list[dict], list[Article]]]:
    """The articles table rows of an input in slices of at most ARTICLES_PER_BATCH articles and about
    CHARS_PER_BATCH characters, each with the articles it must analyse: a repeat within the input is a
    row but is analysed once, where it first appears."""
    seen: set[str] = set()
    slices: list[tuple[list[dict], list[Article]]] = []
    records: list[dict] = []
    unique: list[Article] = []
    chars = 0
    for article in articles:
        if records and (len(records) == ARTICLES_PER_BATCH or chars + len(article.text) > CHARS_PER_BATCH):
            slices.append((records, unique))
            records, unique, chars = [], [], 0
        article_id = article.article_id  # a hash of the whole normalized text: computed once
        record = {k: getattr(article, k) for k in TABLES["articles"].column_names if hasattr(article, k)}
        record.update(article_id=article_id, duplicate_of=None, n_tokens=None)
        records.append(record)
        chars += len(article.text)
        if article_id not in seen:
            seen.add(article_id)
            unique.append(article)
    if records:
        slices.append((records, unique))
    return slices


def _store_batch(batch: Batch, rows: list[dict], pending: dict[str, _Pending], status: RunProgress, progress) -> None:
    job = pending[batch.input_key]
    job.writer.add([job.records.pop(batch.part), rows])
    for r in rows:
        if "failed" in r:
            log.error("%s#%d failed, its rows are left out (manifest.json failed_articles): %s", r["failed"]["dump"], r["failed"]["seq"], r["failed"]["error"])
    job.batches_left -= 1
    status.articles += len(rows)
    status.tokens += sum(r.get("n_tokens", 0) for r in rows)
    status.bytes_done += job.bytes_total * sum(len(a.text) for a in batch.articles) / job.chars_total
    if job.batches_left == 0:
        job.writer.finish(job.summary)
        del pending[batch.input_key]
        log.info("%s: %d articles analysed", job.item.record["dump"], job.item.record["n_articles"])
        status.inputs_done += 1
    if progress:
        progress(status)


def _input_done(status: RunProgress, n_bytes: int, progress) -> None:
    status.inputs_done += 1
    status.bytes_done += n_bytes
    if progress:
        progress(status)


def _missing_inputs(previous: dict, items: list[_Input], store: OutputStore, keep_missing: bool) -> list[_Input]:
    """Inputs of the previous run not among this run's; with keep_missing, those whose results are
    still cached come back with their key, and their rows stay in the tables."""
    present = {i.record["path"] for i in items}
    missing = []
    for record in previous.get("inputs", []):
        if record["path"] in present or "sha256" not in record:
            continue
        key = record.get("shard")
        kept = keep_missing and key and store.has_shard(key)
        if kept:
            log.info("%s: missing, its rows are kept (--keep-missing)", record["path"])
        else:
            log.info("%s: missing, its rows are removed", record["path"])
        missing.append(_Input(record | {"missing": True, "reused": True}, key if kept else None, reused=True))
    return missing


@dataclass
class _Assembled:
    rows: dict[str, int]
    n_articles: int
    n_duplicates: int
    rejected: list[dict]
    skipped: list[dict]
    removed: Counter
    failed: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)


def _assemble(items: list[_Input], store: OutputStore, folder: Path) -> _Assembled:
    """Write every table into `folder` from the cached inputs, in input order. An article seen in an
    earlier input (or earlier in its own) is a row of `articles` with duplicate_of set; only its
    first occurrence contributes mentions."""
    streamed = ("mentions", "dates", "agreement_mentions", "dropped_event_candidates")  # an article's own rows, written as they come
    writers = {name: TableWriter(name, folder) for name in ("articles", *streamed)}
    first_tokens: dict[str, int] = {}
    failed: dict[str, dict] = {}  # article id -> the failure of its analysis
    article_meta: dict[str, dict] = {}
    entity_seen: dict[str, dict] = {}
    agreements_seen: dict[str, dict] = {}
    event_rows: list[dict] = []
    result = _Assembled({}, 0, 0, [], [], Counter())
    for item in items:
        summary = store.shard_summary(item.key)
        result.rejected.extend(summary["rejected"])
        result.skipped.extend(summary["skipped"])
        result.warnings.extend(summary.get("warnings", []))  # a shard kept by --keep-missing may predate warnings
        result.removed.update(summary["input"]["furniture_removed"])
        item.record["shard"] = item.key
        for records, analysed in store.shard_parts(item.key):
            rows_by_id = {r["article_id"]: r for r in analysed}
            article_rows_out = []
            for record in records:
                aid = record["article_id"]
                own = rows_by_id.get(aid)
                if own is None:  # a repeat, analysed where it first appeared: it fares as that copy did
                    failure = None if aid in first_tokens else failed[aid]
                else:
                    failure = own.get("failed")
                if failure is not None:  # its analysis raised: no rows, a manifest record
                    failed.setdefault(aid, failure)
                    result.failed.append(failure | {k: record[k] for k in ("dump", "seq", "title", "raw_start", "raw_end")})
                    continue
                result.n_articles += 1
                if aid in first_tokens:
                    article_rows_out.append(record | {"duplicate_of": aid, "n_tokens": first_tokens[aid]})
                    result.n_duplicates += 1
                    continue
                rows = rows_by_id[aid]
                first_tokens[aid] = rows["n_tokens"]
                article_meta[aid] = {k: record[k] for k in ("outlet", "published", "dump")}
                article_rows_out.append(record | {"n_tokens": rows["n_tokens"]})
                for name in streamed:
                    writers[name].write(rows[name])
                for m in rows["mentions"]:
                    if m["entity_id"]:
                        seen = entity_seen.setdefault(
                            m["entity_id"], {"label": m["label"], "facts": rows["entities"][m["entity_id"]], "surfaces": Counter(), "articles": set()}
                        )
                        seen["surfaces"][m["text"]] += 1
                        seen["articles"].add(aid)
                for a in rows["agreement_mentions"]:
                    seen = agreements_seen.setdefault(a["agreement_id"], {"agreement": rows["agreements"][a["agreement_id"]], "n": 0, "articles": set()})
                    seen["n"] += 1
                    seen["articles"].add(aid)
                for em in rows["event_mentions"]:
                    for actor_id in (*em["actors"], *em["targets"]):
                        if (facts := rows["entities"].get(actor_id)) is not None and facts["type"] == "GROUP":  # a generic actor
                            seen = entity_seen.setdefault(actor_id, {"label": "GROUP", "facts": facts, "surfaces": Counter(), "articles": set()})
                            seen["surfaces"][facts["name"]] += 1
                for entity_id in referenced_ids(rows):
                    # an id no mention names (an office's holder, a dateline's place) still gets its row, so that it resolves
                    if entity_id not in entity_seen and (facts := rows["entities"].get(entity_id)) is not None:
                        entity_seen[entity_id] = {"label": facts["type"], "facts": facts, "surfaces": Counter(), "articles": set()}
                    if entity_id in entity_seen:
                        entity_seen[entity_id]["articles"].add(aid)
                event_rows.extend(rows["event_mentions"])
            writers["articles"].write(article_rows_out)
    events = [event | actor_codes(event["actors"], event["targets"]) for event in cluster_events(event_rows, article_meta)]
    entity_rows = entity_table(entity_seen)
    coords = {r["entity_id"]: (r["latitude"], r["longitude"]) for r in entity_rows}
    for event in events:
        event["latitude"], event["longitude"] = coords.get(event["location_id"], (None, None))
    agreement_rows = [v["agreement"] | {"n_mentions": v["n"], "n_articles": len(v["articles"])} for _, v in sorted(agreements_seen.items())]
    counts = {name: writer.close() for name, writer in writers.items()}
    for name, rows in (("entities", entity_rows), ("agreements", agreement_rows), ("event_mentions", event_rows), ("events", events)):
        counts[name] = write_table(name, rows, folder)
    result.rows = {name: counts[name] for name in TABLES}
    return result


def _input_record(dump: Dump, segmentation: Segmentation, n_skipped: int) -> dict:
    """What the manifest says of one input: what it is, what it held, and what was removed from it,
    for the dump as a whole (`furniture_removed`) and for each article that lost lines (`removed_by_article`)."""
    return {
        "path": dump.path,
        "dump": dump.name,
        "sha256": dump.sha256,
        "bytes": dump.n_bytes,
        "format": dump.format,
        "encoding": dump.encoding,
        "mojibake_repairs": list(dump.repaired),
        "n_articles": len(segmentation.articles),
        "n_skipped_articles": n_skipped,
        # a structured input's records: every one is an article or a rejection (n_records = n_articles + n_rejected_records)
        "n_records": len(dump.records) + len(dump.rejected) if dump.format != "text" else None,
        "n_rejected_records": len(dump.rejected),
        "n_warnings": len(dump.warnings),
        "furniture_removed": segmentation.removed,
        "removed_by_article": [{"seq": a.seq, "title": a.title, "removed": a.removed} for a in segmentation.articles if a.removed],
    }


def split_by_language(articles: list[Article]) -> tuple[list[Article], list[dict]]:
    """English articles, and a manifest record for each other one (it never reaches the pipeline)."""
    english, skipped = [], []
    for article in articles:
        guess = detect_language(article.text)
        article.language = guess.code
        if guess.is_english:
            english.append(article)
            continue
        skipped.append(
            {"dump": article.dump, "seq": article.seq, "title": article.title, "language": guess.code,
             "probability": guess.probability, "raw_start": article.raw_start, "raw_end": article.raw_end,
             "reason": f"not English: detected {guess.code} (p={guess.probability})"}
        )
    return english, skipped


def entity_table(seen: dict[str, dict]) -> list[dict]:
    """One row per canonical entity: knowledge base or GeoNames facts, else the most used surface form."""
    out = []
    for entity_id, info in sorted(seen.items()):
        surfaces = info["surfaces"]
        known = info["facts"]
        if known is not None:
            name, etype = known["name"], known["type"]
            aliases = list(dict.fromkeys([*known["aliases"], *(s for s in surfaces if s != name)]))
            geo_id, lat, lon, cc = known["geonameid"], known["latitude"], known["longitude"], known["country_code"]
        else:
            name = max(surfaces, key=lambda s: (len(s.split()) > 1, surfaces[s], len(s)))
            etype = "PERSON" if info["label"] == "PERSON" else "ORG" if info["label"] == "ORG" else "PLACE"
            aliases = [s for s in surfaces if s != name]
            geo_id = lat = lon = cc = None
        out.append(
            {"entity_id": entity_id, "name": name, "type": etype, "aliases": aliases, "geonameid": geo_id,
             "latitude": lat, "longitude": lon, "country_code": cc, "in_kb": known is not None and etype != "GROUP",
             "n_mentions": sum(surfaces.values()), "n_articles": len(info["articles"])}
        )
    return out
