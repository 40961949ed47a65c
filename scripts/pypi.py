"""Downloads one pinned file from PyPI with pip and checks its SHA-256."""
import hashlib
import os
import subprocess
import sys


def download(requirement, filename, sha256, directory, source=False):
    """Fetches `requirement` (e.g. "jieba==0.42.1") into `directory` as a
    wheel, or as a source distribution with `source`, and returns the path
    of `filename` after checking it against `sha256`; exits otherwise."""
    kind = "--no-binary=:all:" if source else "--only-binary=:all:"
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", kind,
                    "-d", directory, requirement], check=True)
    path = os.path.join(directory, filename)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != sha256:
        sys.exit(f"{filename}: SHA-256 {digest} != pinned {sha256}")
    return path
