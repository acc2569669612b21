#!/bin/sh
# tsan.sh — the threads of `spiegel batch` under ThreadSanitizer: workers share one hunspell
# dictionary and one store of resolved word types (engine/morph.c, spg_analyzer_share). Runs the
# morph unit tests (two analyzers resolving on two threads) and a batch with more workers than
# cores over every bundled transcript, and checks the outputs equal a one-worker run.
set -u
T=build/tsan
fail=0
export TSAN_OPTIONS="suppressions=$(pwd)/tests/tsan.supp:halt_on_error=1:exitcode=66"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

check() { # name, status
  if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi
}

$T/test_morph >"$out/morph.log" 2>&1
check "test_morph under ThreadSanitizer" $?

mkdir -p "$out/in"
cp corpora/*.txt corpora/*.vtt corpora/*.srt corpora/heldout/*.txt corpora/heldout/*.vtt \
  corpora/heldout/*.srt corpora/series/*.txt "$out/in/"
# the same transcripts again under other names: more files than workers, every word seen by
# several threads
for f in "$out"/in/*; do cp "$f" "$out/in/copy-$(basename "$f")"; done
$T/spiegel batch -q -j4 "$out/in" -o "$out/j4" 2>"$out/j4.log"
check "batch -j4 under ThreadSanitizer" $?
$T/spiegel batch -q -j1 "$out/in" -o "$out/j1" 2>"$out/j1.log"
check "batch -j1 under ThreadSanitizer" $?
diff -r "$out/j1" "$out/j4" >/dev/null
check "batch -j4 output identical to -j1" $?
if [ $fail -ne 0 ]; then
  for l in "$out"/*.log; do echo "== $l"; head -40 "$l"; done
  exit 1
fi
echo "tsan: all passed"
