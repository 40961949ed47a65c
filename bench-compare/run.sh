#!/usr/bin/env bash
# Times zhtext against its peers in one run, one core, same inputs.
#
# OpenCC's C++ core comes from the PyPI wheel opencc==1.4.2, which ships
# libopencc.a, libmarisa.a, headers and compiled dictionaries under
# opencc/clib/; opencc-rust 2.0.2 links it statically.
#
# Usage: bench-compare/run.sh [--mb 16] [--reps 3] [--configs t2s,s2t,s2twp,tw2sp] [--peers zhtext,zhconv]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wheel_dir="$here/target/opencc-wheel"
wheel="opencc-1.4.2-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
sha="794afd1f5254b22fb7e8655d3e60f0467e4a1ad5ebbd62f9efdd2dd421dd43db"
if [ ! -d "$wheel_dir/opencc/clib" ]; then
    mkdir -p "$wheel_dir"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.11 \
        --platform manylinux2014_x86_64 -d "$wheel_dir" opencc==1.4.2
    echo "$sha  $wheel_dir/$wheel" | sha256sum -c --quiet
    (cd "$wheel_dir" && python3 -m zipfile -e "$wheel" .)
fi
clib="$wheel_dir/opencc/clib"
export OPENCC_LIB_DIRS="$clib/lib64" OPENCC_INCLUDE_DIRS="$clib/include"
export OPENCC_LIBS=opencc:marisa OPENCC_STATIC=1 OPENCC_DYLIB_STDCPP=1
export OPENCC_DATA="$clib/share/opencc"
cd "$here"
cargo build --release --quiet
exec taskset -c 0 ./target/release/bench-compare "$@"
