#!/usr/bin/env bash
# Builds each libFuzzer target with AddressSanitizer and runs it for a bounded time (docs/reliability.md).
#
#   Tests/Fixtures/fuzz/run.sh                      # every target, 60 s each (`make fuzz`)
#   FUZZ_TIME=300 Tests/Fixtures/fuzz/run.sh FuzzQuiz
#   FUZZ_SCRATCH=.build-fuzz-2 Tests/Fixtures/fuzz/run.sh FuzzTables   # a second run beside the first
#
# The seed corpus of a target is Tests/Fixtures/fuzz/corpus/<target>/ plus the course's own files (Content/ and the
# fixtures of Tests/Fixtures/); what libFuzzer finds on top goes into .build-fuzz/corpus/<target>/, never into the
# repository. A crash, a hang (an input that takes over FUZZ_INPUT_TIMEOUT seconds) or a leak stops the target,
# leaves the input in .build-fuzz/artifacts/<target>/, and makes the script exit 1 after the other targets ran.
# To replay one input: .build-fuzz/release/<target> <file>.
set -uo pipefail

cd "$(dirname "$0")/../../.."
SWIFT=${SWIFT:-swift}
FUZZ_TIME=${FUZZ_TIME:-60}
FUZZ_INPUT_TIMEOUT=${FUZZ_INPUT_TIMEOUT:-10}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
FIXTURES=Tests/Fixtures/fuzz
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(FuzzFrontMatter FuzzSlides FuzzTables FuzzQuiz)

# The files of the course and of the site fixtures that make good seeds for a target.
seeds() {
    case "$1" in
        FuzzQuiz) find Content Tests/Fixtures -name 'quiz.*.md' -not -path "$FIXTURES/*" ;;
        FuzzTables) ;;  # its inputs start with a shape byte; the checked-in seeds have it
        *) find Content Tests/Fixtures -name 'slides.*.md' -not -path "$FIXTURES/*" ;;
    esac
}

failed=()
summary=()
for target in "${TARGETS[@]}"; do
    echo "== $target: building"
    if ! "$SWIFT" build -c release --product "$target" --scratch-path "$SCRATCH" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING; then
        failed+=("$target (build)")
        continue
    fi
    corpus="$SCRATCH/corpus/$target"
    artifacts="$SCRATCH/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    cp "$FIXTURES/corpus/$target/"* "$corpus/" 2>/dev/null
    while IFS= read -r file; do
        # Distinct names: many seeds are called slides.nl.md.
        cp "$file" "$corpus/seed-$(echo "$file" | tr '/' '_')"
    done < <(seeds "$target")
    dictionary="$FIXTURES/markdown.dict"
    [ "$target" = FuzzFrontMatter ] && dictionary="$FIXTURES/yaml.dict"
    echo "== $target: fuzzing for ${FUZZ_TIME}s"
    log="$SCRATCH/$target.log"
    # Swift's own backtracer would race AddressSanitizer's report; libFuzzer prints the stack instead.
    SWIFT_BACKTRACE=enable=no "$SCRATCH/release/$target" "$corpus" -max_total_time="$FUZZ_TIME" -timeout="$FUZZ_INPUT_TIMEOUT" \
        -max_len=65536 -rss_limit_mb=4096 -dict="$dictionary" -artifact_prefix="$artifacts/" \
        -print_final_stats=1 >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    summary+=("$target: ${runs:-?} executions in ${seconds:-?} s, exit $status")
    if [ $status -ne 0 ]; then
        failed+=("$target")
        grep -E 'ERROR|Fatal error|Precondition|==[0-9]+==|Test unit written|SUMMARY' "$log" | head -20
        echo "== $target failed: full log in $log, input in $artifacts/"
    fi
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "== failed: ${failed[*]}"
    exit 1
fi
