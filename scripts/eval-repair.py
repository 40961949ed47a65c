#!/usr/bin/env python3
"""Repair on synthetic portal text made from People's Daily (first half).

The same measure as tests/repair_eval.rs on zuozhuan, on modern news text:
each Simplified line of the development half of the People's Daily January
1998 corpus (scripts/pd_corpus.py) is converted the way mainland portals do
it (each character to its first OpenCC STCharacters candidate, except
characters that are among their own candidates, which stay: 于 干 系 后 ...),
repaired with `zhtext normalize --repair` (the whole set as one document),
and compared position by position with OpenCC's phrase-level s2t (zhtext's
converter, byte-identical to OpenCC 1.4.2).

Precision: of the characters the repair changed, how many now equal s2t's.
Recall: of the leftovers (characters the portal kept that s2t converts and
that neither the Taiwan nor the Hong Kong form keeps), how many it fixed.

Usage: python3 scripts/eval-repair.py
"""
import collections
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pd_corpus import ROOT, corpus_lines, plain_text  # noqa: E402


def st_candidates():
    table = {}
    with open(os.path.join(ROOT, "dictionaries", "opencc", "STCharacters.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            key, values = line.rstrip("\n").split("\t")
            if len(key) == 1:
                table[key] = [v for v in values.split(" ") if len(v) == 1]
    return table


def zhtext(args, text):
    binary = os.path.join(ROOT, "target", "release", "zhtext")
    return subprocess.run([binary, *args], input=text.encode("utf-8"), capture_output=True,
                          check=True).stdout.decode("utf-8")


def main():
    subprocess.run(["cargo", "build", "--quiet", "--release", "--features", "cli"], cwd=ROOT, check=True)
    st = st_candidates()
    simplified = "\n".join(t for t in (plain_text(l) for l in corpus_lines()) if t) + "\n"
    portal = "".join(st[c][0] if c in st and c not in st[c] else c for c in simplified)
    reference = zhtext(["convert", "-c", "s2t"], simplified)
    tw = zhtext(["convert", "-c", "t2tw"], reference)
    hk = zhtext(["convert", "-c", "t2hk"], reference)
    repaired = zhtext(["normalize", "--repair"], portal)
    if not (len(portal) == len(repaired) == len(reference) == len(tw) == len(hk)):
        sys.exit("outputs are not aligned character for character")
    changed = right = leftovers = fixed = 0
    missed = collections.Counter()
    for p, r, s, t, h in zip(portal, repaired, reference, tw, hk):
        if r != p:
            changed += 1
            right += r == s
        if p != s and t != p and h != p and p in st.get(p, []):
            leftovers += 1
            fixed += r == s
            if r != s:
                missed[f"{p}→{s}"] += 1
    han = sum(1 for c in simplified if "\u4e00" <= c <= "\u9fff")
    print(f"People's Daily (first half), {han} Han characters made portal-style")
    print(f"precision {right / max(changed, 1):.4f} ({changed} changes), "
          f"recall {fixed / max(leftovers, 1):.4f} ({leftovers} leftovers)")
    print("most missed:", ", ".join(f"{k} {n}" for k, n in missed.most_common(15)))


if __name__ == "__main__":
    main()
