#!/usr/bin/env python3
"""Derive the entity lexicons from jieba 0.42.1's dictionary (PyPI, MIT).

Source: the `jieba` 0.42.1 source distribution on PyPI (MIT licence, by Sun
Junyi), downloaded with pip and checked against a pinned SHA-256. Its
`jieba/dict.txt` lists about 350,000 Simplified words with a frequency and a
part-of-speech tag. From it this script writes, into dictionaries/jieba/:

  places.txt       words tagged ns (places), with their frequency: those of
                   three or more characters, and two-character ones that
                   jieba also lists with a unit (市 县 区 地区 ...) at
                   least a fiftieth as often as the bare word (江门 36,
                   江门市 22; 拉萨 from 拉萨市; not 新建 1000, 新建县 4): its two-character ns words are mostly everyday
                   words (城市, 东西, 扎根); dictionaries/zhtext/places.txt
                   lists the countries and regions this leaves out
  orgs.txt         words tagged nt (organisations) seen at least ORG_MIN
                   times, with their frequency
  people.txt       words tagged nr/nrfg/nrt that have the shape of a name:
                   a surname of dictionaries/zhtext/surnames.txt and one or two
                   given-name characters, or three or more characters of
                   dictionaries/zhtext/transliteration.txt
  given-names.txt  for each character, how much likelier it is inside the
                   given name of a listed name than in running text
                   (log-odds, in tenths; characters seen at least twice)
  words.txt        frequent general words (frequency >= WORD_MIN, not
                   place or organisation, nor shaped like a name) with
                   their tag, which
                   bound names, and the two-character ns words left out
                   of places.txt

and dictionaries/jieba/README.md with the version, the archive hash, each
file's SHA-256 and the licence. Nothing runs at build time; the outputs are
committed, and tests/dictionaries.rs checks their hashes.

Usage: python3 scripts/fetch-jieba-lexicons.py
"""
import collections
import hashlib
import math
import os
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pypi import download  # noqa: E402

VERSION = "0.42.1"
SDIST = f"jieba-{VERSION}.tar.gz"
SDIST_SHA256 = "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2"
WORD_MIN = 30
UNITS = tuple("省市县区州旗盟")
ORG_MIN = 5

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "dictionaries", "jieba")
OWN = os.path.join(ROOT, "dictionaries", "zhtext")


def own_lexicon(name):
    with open(os.path.join(OWN, name), encoding="utf-8") as f:
        return [l.split("\t")[0].strip() for l in f if l.strip() and not l.startswith("#")]


def fetch_dict():
    with tempfile.TemporaryDirectory() as tmp:
        path = download(f"jieba=={VERSION}", SDIST, SDIST_SHA256, tmp, source=True)
        with tarfile.open(path) as tar:
            member = tar.extractfile(f"jieba-{VERSION}/jieba/dict.txt")
            return member.read().decode("utf-8")


def main():
    entries = []
    for line in fetch_dict().splitlines():
        parts = line.split()
        if len(parts) == 3:
            entries.append((parts[0], int(parts[1]), parts[2]))
    singles = [s for s in own_lexicon("surnames.txt") if len(s) == 1]
    compounds = [s for s in own_lexicon("surnames.txt") if len(s) > 1]
    translit = set("".join(own_lexicon("transliteration.txt")))

    def split_name(word):
        for s in compounds:
            if word.startswith(s) and 1 <= len(word) - len(s) <= 2:
                return s, word[len(s):]
        if word[0] in singles and 1 <= len(word) - 1 <= 2:
            return word[0], word[1:]
        return None

    people = {}
    given = collections.Counter()
    background = collections.Counter()
    for word, freq, tag in entries:
        if tag in ("nr", "nrfg", "nrt"):
            name = split_name(word)
            if name:
                people[word] = freq
                for c in name[1]:
                    given[c] += 1
            elif len(word) >= 3 and all(c in translit for c in word):
                people[word] = freq
        else:
            for c in word:
                background[c] += freq
    given_total = sum(given.values())
    background_total = sum(background.values())
    scores = {}
    for c, n in given.items():
        odds = math.log((n + 0.5) / given_total) - math.log((background[c] + 50) / background_total)
        if n >= 2:
            scores[c] = round(odds * 10)

    ns = {w: f for w, f, t in entries if t == "ns"}
    os.makedirs(OUT, exist_ok=True)
    freq = {}
    for w, f, t in entries:
        freq[w] = max(freq.get(w, 0), f)
    freq_of = lambda w: 0 if w in ns else freq.get(w, 0)
    # Two-character stems: ns words, and the stems of ns words with a unit
    # (拉萨 from 拉萨市, which jieba does not tag ns by itself).
    stems = {w for w in ns if len(w) == 2}
    tag = {w: t for w, f, t in entries}
    stems |= {
        w[:2] for w in ns
        if len(w) >= 3 and w[2:] in UNITS + ("地区",)
        # Not generic units: 自治区, 开发区, 经济区 have a verb or an
        # everyday word before the unit.
        and tag.get(w[:2], "ns") not in ("v", "vn", "a", "ad", "an") and freq_of(w[:2]) < 3000
    }
    places = {w for w in ns if len(w) >= 3}
    places |= {
        w for w in stems
        if max(ns.get(w + u, 0) for u in UNITS + ("地区",)) >= freq.get(w, 0) / 50
    }
    # Longer stems (张家口 from 张家口市: jieba files the bare name nr).
    places |= {
        w[:-1] for w in ns
        if len(w) >= 4 and w[-1] in UNITS and tag.get(w[:-1], "ns") not in ("v", "vn", "a", "ad", "an")
        and ns[w] >= freq_of(w[:-1]) / 50
    }
    # A place is not a person's name (jieba has both for 张家口, and files
    # foreign cities nr: 莫斯科, 马尼拉).
    own_places = {w for line in own_lexicon("places.txt") for w in line.split()}
    people = {w: f for w, f in people.items() if w not in places and w not in own_places}
    outputs = {
        "places.txt": sorted((w, max(freq.get(w, 0), 1)) for w in places),
        "orgs.txt": sorted((w, f) for w, f, t in entries if t == "nt" and len(w) >= 2 and f >= ORG_MIN),
        "people.txt": sorted(people.items()),
        "given-names.txt": sorted(scores.items()),
        "words.txt": sorted(
            (w, f"{f}\t{t}") for w, f, t in entries
            if f >= WORD_MIN and 2 <= len(w) <= 6 and t not in ("ns", "nt") and w not in people
            # jieba tags compounds such as 邓小平理论 nr: without a name's
            # shape they are words.
            # Two-character "places" left out of places.txt are everyday words.
            or t == "ns" and len(w) == 2 and w not in places
        ),
    }
    hashes = []
    for name, rows in outputs.items():
        data = "".join(f"{w}\t{f}\n" for w, f in rows).encode("utf-8")
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        hashes.append((name, len(rows), hashlib.sha256(data).hexdigest()))
    write_readme(hashes)


def write_readme(hashes):
    lines = [
        "# jieba/ — lexicons derived from jieba 0.42.1",
        "",
        f"Derived by `scripts/fetch-jieba-lexicons.py` from `jieba/dict.txt` in the PyPI",
        f"source distribution `{SDIST}` (SHA-256 `{SDIST_SHA256}`).",
        "jieba is Copyright (c) 2013 Sun Junyi, released under the MIT licence",
        "(https://github.com/fxsjy/jieba); the derived lists keep that licence.",
        "Words are Simplified; the extractor folds its input to Simplified",
        "character by character before it looks them up.",
        "",
        "| file | entries | SHA-256 |",
        "|---|---:|---|",
    ]
    lines += [f"| `{name}` | {count} | `{digest}` |" for name, count, digest in hashes]
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
