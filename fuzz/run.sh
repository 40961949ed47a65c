#!/usr/bin/env bash
# Runs every fuzz target for N seconds (default 60) with seed corpora made
# from the project's real text. Needs cargo-fuzz (`cargo install cargo-fuzz`);
# RUSTC_BOOTSTRAP=1 lets it use the nightly flags it needs on stable.
#
# Usage: fuzz/run.sh [SECONDS] [TARGET ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(convert stream text); fi
export RUSTC_BOOTSTRAP=1
cd "$here"
python3 - "$here" <<'PY'
import json, os, re, sys
here = sys.argv[1]
root = os.path.dirname(here)
seed = open(os.path.join(root, "tests/data/seed-dajiang.txt"), encoding="utf-8").read()
zuo = open(os.path.join(root, "tests/data/zuozhuan.txt"), encoding="utf-8").read()[:20000]
text = re.sub(r",\s*([}\]])", r"\1", open(os.path.join(root, "tests/data/opencc-testcases.json"), encoding="utf-8").read())
cases = [c["input"] for c in json.loads(text)["cases"]]
pieces = [seed[i:i + 300] for i in range(0, len(seed), 300)] + [zuo[i:i + 300] for i in range(0, len(zuo), 300)] + cases
for target in ("convert", "stream", "text"):
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    for i, p in enumerate(pieces):
        head = {"convert": bytes([i % 16]), "stream": bytes([i % 16, 3, 5, 11, 2]), "text": bytes([i % 4])}[target]
        with open(os.path.join(d, f"seed-{i:04}"), "wb") as f:
            f.write(head + p.encode("utf-8"))
PY
for target in "${targets[@]}"; do
    echo "== $target for ${seconds}s"
    cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=4096 2>&1 | grep -E "^(#[0-9]+\s+DONE|Done|==[0-9]+==|SUMMARY|stat::)" || true
done
