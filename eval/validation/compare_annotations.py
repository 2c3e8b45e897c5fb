"""Where two independent annotations of the same dumps disagree: the list an adjudicator resolves
by reading the text, and the agreement figures of the closing note.

    python eval/validation/compare_annotations.py A.jsonl B.jsonl [--report OUT.md]

Articles are paired by dump and seq. Entities agree when their labels agree and a name or
alternative is shared (case and diacritics ignored, as the scorer does); dates by value; events by
type and a shared actor (or both without actors); agreements by a shared name or kind and date.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path


def norm(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).lower()
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[^\w]+", " ", re.sub(r"'s$", "", text)).strip()


def forms(entity: dict) -> set[str]:
    return {norm(entity["name"]), *(norm(a) for a in entity.get("alt", []))}


def pair_up(left: list, right: list, same) -> tuple[list, list, list]:
    """Greedy one-to-one pairs, then what is left on each side."""
    used, pairs = set(), []
    for a in left:
        for j, b in enumerate(right):
            if j not in used and same(a, b):
                used.add(j)
                pairs.append((a, b))
                break
    only_left = [a for a in left if not any(a is p[0] for p in pairs)]
    only_right = [b for j, b in enumerate(right) if j not in used]
    return pairs, only_left, only_right


def compare(a: dict, b: dict) -> tuple[list[str], dict]:
    lines, counts = [], {}
    for key in ("title", "outlet", "published", "url", "dateline"):
        if norm(a.get(key)) != norm(b.get(key)):
            lines.append(f"- {key}: A {a.get(key)!r} | B {b.get(key)!r}")
    ents, ea, eb = pair_up(a["entities"], b["entities"], lambda x, y: x["label"] == y["label"] and bool(forms(x) & forms(y)))
    counts["entities"] = (len(ents), len(ea), len(eb))
    for x, y in ents:
        if x.get("geonameid") != y.get("geonameid"):
            lines.append(f"- geonameid of {x['name']}: A {x.get('geonameid')} | B {y.get('geonameid')}")
    lines += [f"- entity only A: {e['label']} {e['name']} {e.get('alt', [])}" for e in ea]
    lines += [f"- entity only B: {e['label']} {e['name']} {e.get('alt', [])}" for e in eb]
    da, db = {d["value"]: d["text"] for d in a["dates"]}, {d["value"]: d["text"] for d in b["dates"]}
    counts["dates"] = (len(da.keys() & db.keys()), len(da.keys() - db.keys()), len(db.keys() - da.keys()))
    lines += [f"- date only A: {v} ({da[v]!r})" for v in sorted(da.keys() - db.keys())]
    lines += [f"- date only B: {v} ({db[v]!r})" for v in sorted(db.keys() - da.keys())]
    alts = {norm(e["name"]): forms(e) for e in a["entities"] + b["entities"]}

    def actors(ev):
        out = set()
        for n in ev.get("actors", []):
            out |= alts.get(norm(n), {norm(n)})
        return out

    evs, va, vb = pair_up(a["events"], b["events"], lambda x, y: x["type"] == y["type"] and (actors(x) & actors(y) or not (actors(x) or actors(y))))
    counts["events"] = (len(evs), len(va), len(vb))
    lines += [f"- event only A: {e['type']}/{e.get('subtype')} {e.get('actors')} -> {e.get('targets')} [{e.get('evidence')}]" for e in va]
    lines += [f"- event only B: {e['type']}/{e.get('subtype')} {e.get('actors')} -> {e.get('targets')} [{e.get('evidence')}]" for e in vb]

    def agr_same(x, y):
        names_x = {norm(x["name"]), *(norm(n) for n in x.get("alt", []))}
        names_y = {norm(y["name"]), *(norm(n) for n in y.get("alt", []))}
        return bool(names_x & names_y) or (x.get("kind") == y.get("kind") and x.get("date") and x.get("date") == y.get("date"))

    ags, aa, ab = pair_up(a["agreements"], b["agreements"], agr_same)
    counts["agreements"] = (len(ags), len(aa), len(ab))
    lines += [f"- agreement only A: {x['kind']} {x['name']}" for x in aa]
    lines += [f"- agreement only B: {x['kind']} {x['name']}" for x in ab]
    return lines, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    read = lambda p: {(g["dump"], g["seq"]): g for g in map(json.loads, filter(str.strip, p.read_text("utf-8").splitlines()))}  # noqa: E731
    left, right = read(args.a), read(args.b)
    out, totals = [], {}
    for key in sorted(left.keys() | right.keys()):
        if key not in left or key not in right:
            out.append(f"## {key[0]}#{key[1]}\n- only in {'A' if key in left else 'B'}: {(left.get(key) or right.get(key))['title']}")
            continue
        lines, counts = compare(left[key], right[key])
        for layer, (both, only_a, only_b) in counts.items():
            t = totals.setdefault(layer, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + both, t[1] + only_a, t[2] + only_b
        if lines:
            out.append(f"## {key[0]}#{key[1]} {left[key]['title'][:80]}\n" + "\n".join(lines))
    summary = ["| layer | both | only A | only B | agreement (F1 of A vs B) |", "|---|---|---|---|---|"]
    for layer, (both, only_a, only_b) in totals.items():
        f1 = 2 * both / (2 * both + only_a + only_b) if both + only_a + only_b else 1.0
        summary.append(f"| {layer} | {both} | {only_a} | {only_b} | {f1:.3f} |")
    text = "\n".join(summary) + "\n\n" + "\n\n".join(out) + "\n"
    if args.report:
        args.report.write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
