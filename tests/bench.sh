#!/bin/sh
# bench.sh — `make bench` itself, on a corpus small enough for the test suite: the script a
# benchmarker runs on a fresh machine must run there and print what the issue asks for (spiegel
# at -j1 and -j2 with MB/s, sentences/s and peak RSS, beside wc -w, Pattern and ucto, the small
# files' row, spiegel score beside Pattern, byte-identical outputs, the targets), also on a machine of more CPUs (a run on
# every CPU beside the -j2 the targets are judged on) and on a corpus of one's own
# (BENCH_CORPUS). The figures themselves are not checked: speed is the bench's, not a test's.
#
# SPIEGEL names the binary (default build/spiegel). Ends with "bench: N passed, N failed".
set -u
SPIEGEL=${SPIEGEL:-build/spiegel}
case $SPIEGEL in /*) ;; *) SPIEGEL=$(pwd)/$SPIEGEL ;; esac
T=${BENCH_TEST_DIR:-build/bench-test}
case $T in /*) ;; *) T=$(pwd)/$T ;; esac
ROOT=$(pwd)
if [ -z "${ASAN_OPTIONS:-}" ] && [ -f "$ROOT/tests/asan.supp" ]; then
  ASAN_OPTIONS=suppressions=$ROOT/tests/asan.supp
  export ASAN_OPTIONS
fi
rm -rf "$T"
mkdir -p "$T"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }
has() { # has NAME PATTERN: a line of the table matches the extended regular expression
  grep -Eq "$2" "$T/out" && ok || { bad "$1: no line matches '$2'"; sed 's/^/  | /' "$T/out" | tail -20; }
}
run() { # run NAME ENV...: the bench with ENV, its stdout in $T/out
  name=$1
  shift
  if env SPIEGEL="$SPIEGEL" BENCH_DIR="$T/d" SAMPLE_MB=0.2 "$@" sh bench/bench.sh >"$T/out" 2>"$T/err"; then ok; else
    bad "$name: exit $?"
    sed 's/^/  | /' "$T/err" | tail -10
  fi
}

run two-cpus BENCH_NCPU=2 BENCH_MB=1 SMALL_MB=1 SCORE_MB=0.5
has "-j1 row" '^\| spiegel batch -j1 \(full XML\) +\| +1\.[0-9] \|'
has "-j2 row" '^\| spiegel batch -j2 \(full XML\) +\|'
has "wc -w row" '^\| wc -w +\|'
if /usr/bin/python3 -c 'import pattern.nl' 2>/dev/null; then has "Pattern row" '^\| Pattern sentiment \(sample\)'; fi
if command -v ucto >/dev/null; then has "ucto row" '^\| ucto -L nld -n \(sample\)'; fi
has "small files row" '^\| spiegel -j2, [0-9]+ small files +\|'
has "score row" '^\| spiegel score \(per line\) +\| +0\.[5-9] \|'
if /usr/bin/python3 -c 'import pattern.nl' 2>/dev/null; then
  has "score beside Pattern" '^the same task as Pattern \(a polarity per line\): spiegel score [0-9.]+ MB/s on the first [0-9]+ MB, [0-9.]+x Pattern per CPU-second$'
fi
has "same outputs" 'every output byte-identical for -j1 and -j2: yes'
# the host's part: the corpus in the page cache and the I/O stall of each run, as figures where
# the system tells them (fincore, /proc/pressure/io), else "?"
has "host line" '^host: corpus in the page cache before the runs \(fincore\) -j1 ([0-9]+|\?) %, -j2 ([0-9]+|\?) %; time stalled on I/O during them \(/proc/pressure/io\) -j1 ([0-9]+|\?) %, -j2 ([0-9]+|\?) % '
if command -v fincore >/dev/null; then
  # the bench has just read the 1 MB corpus: it is in the cache
  has "cache measured" '^host: corpus in the page cache before the runs \(fincore\) -j1 [0-9]+ %'
fi
has "targets" '^targets \(on a 1 GB corpus\): -j1 >= 50 MB/s: (NOT )?met; -j2 >= 1\.8x -j1: (NOT )?met; peak RSS <= 100 MB: (NOT )?met; > 100x Pattern: '
grep -q 'every CPU' "$T/out" && bad "two CPUs: a run on every CPU" || ok
[ -f "$T/d/result-1mb.txt" ] && ok || bad "the table is not kept in result-1mb.txt"

# four CPUs: the targets still on -j2, and a run on all four beside it, twice (medians)
run four-cpus BENCH_NCPU=4 BENCH_MB=1 SMALL_MB=0 BENCH_RUNS=2
has "-j2 row on four CPUs" '^\| spiegel batch -j2 \(full XML\) +\|'
has "every-CPU row" '^\| spiegel batch -j4, every CPU +\|'
has "every-CPU line" '^every CPU: -j4 at [0-9.]+ MB/s, [0-9.]+x -j1, peak RSS [0-9.]+ MB'
has "same outputs of three runs" 'byte-identical for -j1, -j2 and -j4 in every run: yes'
has "ranges" '^runs: 2 of each.*-j1 [0-9.]+-[0-9.]+, -j2 [0-9.]+-[0-9.]+, -j4 [0-9.]+-[0-9.]+$'
has "host line over two runs" '^host: .* -j1 ([0-9]+(-[0-9]+)?|\?) %, -j2 ([0-9]+(-[0-9]+)?|\?) %; time stalled'

# a corpus of one's own: only read, its files as spiegel batch takes them
mkdir -p "$T/own/.hidden" "$T/own/sub"
cp corpora/jeugdzorg.txt "$T/own/"
cp corpora/ggz-ambulant.vtt "$T/own/sub/"
cp corpora/dev15/vakanties-zomerzin.txt "$T/own/sub/zomerzin.ass"
cp corpora/jeugdzorg.txt "$T/own/.hidden/"
cp corpora/jeugdzorg.gold.tsv "$T/own/"
before=$(find "$T/own" | LC_ALL=C sort | xargs ls -ld --time-style=+%s | md5sum)
run own-corpus BENCH_NCPU=2 BENCH_CORPUS="$T/own" SMALL_MB=0
has "own corpus named" "^corpus: [0-9.]+ MB, 3 files \(1 txt, 1 vtt, 0 srt, 1 other\), given: $T/own,"
[ -f "$T/d/result-given.txt" ] && ok || bad "the table of a given corpus is not kept in result-given.txt"
[ "$(find "$T/own" | LC_ALL=C sort | xargs ls -ld --time-style=+%s | md5sum)" = "$before" ] && ok ||
  bad "the bench wrote into the given corpus"
env BENCH_CORPUS="$T/none" BENCH_DIR="$T/d" sh bench/bench.sh >"$T/out" 2>"$T/err"
[ $? = 2 ] && grep -q "is not a directory" "$T/err" && ok || bad "a missing BENCH_CORPUS: $(cat "$T/err")"

# the pipeline without output (bench/pipeline_only.c, docs/performance.md): every transcript
# analysed, a missing one counted as failed
if [ -x "${PIPELINE_ONLY:-build/pipeline-only}" ]; then
  printf '%s\n' corpora/jeugdzorg.txt corpora/ggz-ambulant.vtt | "${PIPELINE_ONLY:-build/pipeline-only}" lexicons 2>"$T/err" &&
    grep -q "2 transcripts analysed, 0 failed" "$T/err" && ok || bad "pipeline-only: $(cat "$T/err")"
  printf '%s\n' corpora/jeugdzorg.txt "$T/missing.txt" | "${PIPELINE_ONLY:-build/pipeline-only}" lexicons 2>"$T/err"
  [ $? = 1 ] && grep -q "1 transcripts analysed, 1 failed" "$T/err" && ok || bad "pipeline-only, a missing file: $(cat "$T/err")"
else
  bad "build/pipeline-only is not built (make build/pipeline-only)"
fi

echo "bench: $pass passed, $fail failed"
[ "$fail" = 0 ]
