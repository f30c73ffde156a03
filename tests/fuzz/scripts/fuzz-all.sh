#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 600), two at a time: the decoders (JSON,
# then CBOR), then the timestamps and the model bytes, then the mutated models and the patterns.
# Working corpora go to ${FUZZ_CORPUS:-/tmp/fuzz-corpus}/<target>, logs beside them; the seeds in
# corpus/ are only read. Crashes land in libfuzzer/artifacts/<target>/. Exits 1 if any target
# found one.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
work=${FUZZ_CORPUS:-/tmp/fuzz-corpus}
export RUSTC_BOOTSTRAP=1
cargo fuzz build --fuzz-dir libfuzzer --sanitizer none || exit 2

run() {
    local target=$1
    shift
    mkdir -p "$work/$target"
    cargo fuzz run --fuzz-dir libfuzzer --sanitizer none "$target" "$work/$target" "corpus/$target" "$@" \
        -max_total_time="$seconds" -print_final_stats=1 >"$work/$target.log" 2>&1
    local status=$?
    echo "$target: exit $status, $(grep -E '^stat::number_of_executed_units' "$work/$target.log" | tail -1)"
    return $status
}

failed=0
run parse_response -- & a=$!
run round_trip corpus/parse_response -- & b=$!
wait $a || failed=1
wait $b || failed=1
run cbor_response -- & a=$!
run cbor_round_trip -- & b=$!
wait $a || failed=1
wait $b || failed=1
run datetime -- & a=$!
run model_bytes ../../model ../../tests/models -- -max_len=600000 & b=$!
wait $a || failed=1
wait $b || failed=1
run model_mutations -- -max_len=256 & a=$!
run pattern -- -max_len=512 & b=$!
wait $a || failed=1
wait $b || failed=1
exit $failed
