#!/usr/bin/env bash
# The generator over a botocore release, a count anyone can run again:
#
#   bash tests/botocore/check-release.sh [--version V] [--endpoint-tests] [--compile] [--dir DIR]
#       [--services A,B,…] [--with-waiters]
#
# downloads botocore with pip (release V, else the latest), takes the latest API version of every
# service whose model offers `json` or `smithy-rpc-v2-cbor` (only those named by --services, or
# having waiters with --with-waiters), runs `codegen check` on each with its endpoint rule set and
# waiters (event-stream operations left out) and prints how many pass, pass with warnings or are
# refused, with every refusal and warning. `--endpoint-tests` also runs botocore's endpoint
# tests (from its sdist) of every model that passes, with `codegen endpoints`. `--compile` also
# generates and builds the code of every model that passes (RUSTFLAGS=-D warnings), saying how long
# it took. Files go to DIR (default: target/botocore in the checkout).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
workdir=$target/botocore
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --version) args+=(--version "${2:?--version needs a botocore release}"); shift 2 ;;
    --compile) args+=(--compile); shift ;;
    --endpoint-tests) args+=(--endpoint-tests); shift ;;
    --services) args+=(--services "${2:?--services needs service names, comma-separated}"); shift 2 ;;
    --with-waiters) args+=(--with-waiters); shift ;;
    --dir) workdir=${2:?--dir needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "check-release.sh: unknown argument \`$1\` (see --help)" >&2; exit 2 ;;
  esac
done
python3 -m pip --version >/dev/null 2>&1 || {
  echo "check-release.sh: needs pip (\`python3 -m pip\`), which fetches botocore" >&2
  exit 1
}
cargo build --quiet --manifest-path "$root/Cargo.toml" -p awsjson-cli
mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)
exec python3 "$root/tests/botocore/survey.py" --codegen "$target/debug/codegen" --root "$root" \
  --workdir "$workdir" "${args[@]}"
