#!/usr/bin/env bash
# Instruction counts of the wire subjects (valgrind's callgrind, counting only inside each
# subject function of the profile bench), and their ratios to serde_json's IgnoredAny: figures
# that a busy or shared machine does not move. Usage: bash tests/benches/callgrind.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed" >&2; exit 2; }
binary=$(cargo bench -q -p wire-tests --bench profile --no-run --message-format=json 2>/dev/null |
  sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1)
[ -x "$binary" ] || { echo "callgrind.sh: the profile bench did not build" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/$1" --toggle-collect='*subject_*' \
    "$binary" "$1" 1 2>&1 | sed -n 's/.*Collected : //p'
}
declare -A counts
for subject in ignored-fleets decode-fleets ignored-sessions decode-sessions value-encode-fleets \
  encode-fleets serde-encode-fleets value-decode-fleets ignored-products decode-products \
  encode-products ignored-documents value-decode-documents value-encode-documents; do
  counts[$subject]=$(count "$subject")
done
row() { awk -v a="$2" -v b="$3" -v name="$1" 'BEGIN { printf "%-34s %12d instructions  %5.2fx\n", name, a, a / b }'; }
row "decode DescribeFleets, 1000 fleets" "${counts[decode-fleets]}" "${counts[ignored-fleets]}"
row "  IgnoredAny, same body" "${counts[ignored-fleets]}" "${counts[ignored-fleets]}"
row "decode DescribeSessions, 1000" "${counts[decode-sessions]}" "${counts[ignored-sessions]}"
row "  IgnoredAny, same body" "${counts[ignored-sessions]}" "${counts[ignored-sessions]}"
row "encode the 1000-fleet output" "${counts[encode-fleets]}" "${counts[value-encode-fleets]}"
row "  the same through serde_json" "${counts[serde-encode-fleets]}" "${counts[value-encode-fleets]}"
row "  serde_json::Value encode" "${counts[value-encode-fleets]}" "${counts[value-encode-fleets]}"
row "Value decode, the fleets body" "${counts[value-decode-fleets]}" "${counts[ignored-fleets]}"
row "decode GetProducts, 100 products" "${counts[decode-products]}" "${counts[ignored-products]}"
row "  IgnoredAny, same body" "${counts[ignored-products]}" "${counts[ignored-products]}"
row "  encode it" "${counts[encode-products]}" "${counts[ignored-products]}"
row "Value decode, 100 products" "${counts[value-decode-documents]}" "${counts[ignored-documents]}"
row "  IgnoredAny, same body" "${counts[ignored-documents]}" "${counts[ignored-documents]}"
row "  Value encode" "${counts[value-encode-documents]}" "${counts[ignored-documents]}"
