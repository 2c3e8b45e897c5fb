"""The layering contract of pyproject.toml ([tool.importlinter]) holds: data flows one way through the
stages, and no module imports one of a later stage.

The contract is written for import-linter; it is checked here with the standard library alone (tomllib
and ast), so that it runs with the fast tests and needs no model and no extra dependency. Every
`import` and `from ... import` statement counts, those inside functions too: a lazy import is a
dependency all the same, and an import loop put off until call time. A module belongs to the layer
entry that is it or the package holding it (caucasus_nlp.extract covers caucasus_nlp.extract.events.roles);
every module must belong to one. The root package is the container of the layers, so every layer may
import it (for __version__) and it may import none of them.
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT


@dataclass(frozen=True)
class Layer:
    rank: int  # 0 is the lowest
    modules: tuple[str, ...]
    independent: bool  # "a | b": the siblings must not import each other; "a : b": they may

    def __str__(self) -> str:
        return f"layer {self.rank} ({(' | ' if self.independent else ' : ').join(self.modules)})"


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    importer: str
    imported: str


def read_contract(pyproject: Path) -> tuple[str, list[Layer]]:
    """The root package and the layers of the one layers contract, lowest first (pyproject lists them highest first)."""
    config = tomllib.loads(pyproject.read_text("utf-8"))["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    layers = []
    for rank, text in enumerate(reversed(contract["layers"])):
        if " | " in text and " : " in text:
            raise ValueError(f"layer {text!r} mixes ' | ' and ' : '")
        independent = " : " not in text
        layers.append(Layer(rank, tuple(m.strip() for m in text.split(" | " if independent else " : ")), independent))
    return config["root_package"], layers


def package_modules(src: Path, root_package: str) -> dict[str, Path]:
    """Every module of the package under src, by dotted name (a package by its __init__.py)."""
    modules = {}
    for path in sorted((src / root_package.replace(".", "/")).rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def module_imports(module: str, path: Path, modules: dict[str, Path], root_package: str) -> list[Import]:
    """The imports of the package's own modules in one module, wherever they stand in it; `from a import b`
    imports the module a.b when there is one, else a."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            continue
        for target in dict.fromkeys(targets):
            if target == root_package or target.startswith(root_package + "."):
                found.append(Import(path, node.lineno, module, target))
    return found


def layer_of(module: str, layers: list[Layer]) -> tuple[Layer, str] | None:
    """The layer and entry that cover a module: the longest entry that is the module or a package above it."""
    covering = [(len(entry), layer, entry) for layer in layers for entry in layer.modules
                if module == entry or module.startswith(entry + ".")]
    return max(covering, key=lambda c: c[0])[1:] if covering else None


def layering_violations(src: Path, root_package: str, layers: list[Layer]) -> list[str]:
    """Every way the package under src breaks the layers: a module in no layer, a layer entry that names
    no module, an import of a higher layer or of an independent sibling, an import by the root package."""
    modules = package_modules(src, root_package)
    problems = [f"{path}: {module} is in no layer of the contract" for module, path in modules.items()
                if module != root_package and layer_of(module, layers) is None]
    problems += [f"{layer}: {entry} is no module of {root_package}" for layer in layers for entry in layer.modules
                 if not any(m == entry or m.startswith(entry + ".") for m in modules)]
    for module, path in modules.items():
        for imp in module_imports(module, path, modules, root_package):
            where = f"{imp.path}:{imp.line}: {imp.importer} → {imp.imported}"
            if imp.imported == root_package:
                continue
            if module == root_package:
                problems.append(f"{where}: the root package holds the layers and may import none of them")
                continue
            own, other = layer_of(module, layers), layer_of(imp.imported, layers)
            if own is None:
                continue  # reported above, once
            if other is None:
                problems.append(f"{where}: {imp.imported} is in no layer of the contract")
            elif other[0].rank > own[0].rank:
                problems.append(f"{where}: {own[1]} is in {own[0]} and imports {other[1]}, which is higher, in {other[0]}")
            elif other[0] is own[0] and own[0].independent and other[1] != own[1]:
                problems.append(f"{where}: {own[1]} and {other[1]} are independent siblings of {own[0]}")
    return problems


def test_the_package_keeps_its_layers():
    root_package, layers = read_contract(ROOT / "pyproject.toml")
    problems = layering_violations(ROOT / "src", root_package, layers)
    assert not problems, "the layering contract of pyproject.toml is broken:\n" + "\n".join(problems)


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_the_checker_names_every_kind_of_violation(tmp_path):
    _write(tmp_path, {
        "pkg/__init__.py": "VERSION = 1\n",
        "pkg/low.py": "import os\n\n\ndef late():\n    from pkg import high  # an upward import hidden in a function\n    return high\n",
        "pkg/high.py": "from pkg import VERSION\nfrom pkg.low import late\n",
        "pkg/left.py": "from pkg import right\n",
        "pkg/right.py": "",
        "pkg/sub/__init__.py": "",
        "pkg/sub/deep.py": "from ..left import x\nfrom . import other\n",
        "pkg/sub/other.py": "",
        "pkg/stray.py": "",
    })
    layers = [Layer(0, ("pkg.low",), True), Layer(1, ("pkg.sub",), True), Layer(2, ("pkg.left", "pkg.right"), True),
              Layer(3, ("pkg.high", "pkg.gone"), True)]
    problems = layering_violations(tmp_path, "pkg", layers)
    assert problems == [
        f"{tmp_path / 'pkg/stray.py'}: pkg.stray is in no layer of the contract",
        "layer 3 (pkg.high | pkg.gone): pkg.gone is no module of pkg",
        f"{tmp_path / 'pkg/left.py'}:1: pkg.left → pkg.right: pkg.left and pkg.right are independent siblings of layer 2 (pkg.left | pkg.right)",
        f"{tmp_path / 'pkg/low.py'}:5: pkg.low → pkg.high: pkg.low is in layer 0 (pkg.low) and imports pkg.high, which is higher, "
        "in layer 3 (pkg.high | pkg.gone)",
        f"{tmp_path / 'pkg/sub/deep.py'}:1: pkg.sub.deep → pkg.left: pkg.sub is in layer 1 (pkg.sub) and imports pkg.left, which is higher, "
        "in layer 2 (pkg.left | pkg.right)",
    ]


def test_siblings_joined_by_a_colon_may_import_each_other_and_the_root_package_imports_no_layer(tmp_path):
    _write(tmp_path, {"pkg/__init__.py": "from pkg.a import x\n", "pkg/a.py": "from pkg import b\n", "pkg/b.py": ""})
    (pyproject := tmp_path / "pyproject.toml").write_text(
        '[tool.importlinter]\nroot_package = "pkg"\n[[tool.importlinter.contracts]]\nname = "n"\ntype = "layers"\nlayers = ["pkg.a : pkg.b"]\n'
    )
    root_package, layers = read_contract(pyproject)
    assert layers == [Layer(0, ("pkg.a", "pkg.b"), False)]
    assert layering_violations(tmp_path, root_package, layers) == [
        f"{tmp_path / 'pkg/__init__.py'}:1: pkg → pkg.a: the root package holds the layers and may import none of them"
    ]


def test_a_layer_may_not_mix_independent_and_dependent_siblings(tmp_path):
    (pyproject := tmp_path / "pyproject.toml").write_text(
        '[tool.importlinter]\nroot_package = "pkg"\n[[tool.importlinter.contracts]]\nname = "n"\ntype = "layers"\nlayers = ["pkg.a | pkg.b : pkg.c"]\n'
    )
    with pytest.raises(ValueError, match="mixes"):
        read_contract(pyproject)
