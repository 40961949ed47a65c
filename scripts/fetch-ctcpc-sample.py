#!/usr/bin/env python3
"""Fetch a sample of natural Hong Kong Traditional text for the repair's
"do no harm" test.

Source: the Cantonese-Traditional Chinese Parallel Corpus (CTCPC) sentences
shipped in the PyPI wheel `pycantonese==5.0.0`
(`pycantonese/data/ctcpc/sents.json`), licence CC0 1.0 Universal. The wheel
is downloaded with pip and checked against a pinned SHA-256; every 8th
sentence that has Han characters is written, one per line, to
tests/data/ctcpc-sample.txt (about 700 kB).

Usage: python3 scripts/fetch-ctcpc-sample.py
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

WHEEL = "pycantonese-5.0.0-cp310-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
SHA256 = "4a010973683fb8d14313ef44cdf7a4ded1adbe1a1bc64c93d0f75e65f141dd1a"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--platform", "manylinux2014_x86_64", "--python-version", "3.11", "-d", tmp, "pycantonese==5.0.0"],
            check=True,
        )
        path = os.path.join(tmp, WHEEL)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest != SHA256:
            print(f"{WHEEL}: SHA-256 {digest} != pinned {SHA256}", file=sys.stderr)
            return 1
        with zipfile.ZipFile(path) as wheel:
            sents = json.loads(wheel.read("pycantonese/data/ctcpc/sents.json"))
    han = re.compile(r"[\u4e00-\u9fff]")
    kept = [s.replace("\n", " ").strip() for s in sents if han.search(s)][::8]
    out = os.path.join(ROOT, "tests", "data", "ctcpc-sample.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(kept) + "\n")
    print(f"wrote {len(kept)} sentences to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
