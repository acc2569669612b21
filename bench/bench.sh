#!/bin/sh
# bench.sh — `make bench`: spiegel's throughput on a generated corpus, beside wc -w, Pattern's
# sentiment and ucto on the same text, in one run on one machine.
#
#   BENCH_MB=1024 sh bench/bench.sh     the issue's figure: a 1 GB corpus (default)
#   BENCH_MB=50 sh bench/bench.sh       a quick run
#
# Environment: BENCH_MB (corpus size in MB, 10^6 bytes; default 1024), BENCH_SEED (default 1),
# BENCH_JOBS (the -j of the parallel run; default: the number of CPUs), SAMPLE_MB (size of the
# sample given to Pattern and ucto, which are too slow for the whole corpus; default 2),
# SPIEGEL (default build/spiegel), BENCH_DIR (default build/bench).
#
# What is measured, and how:
# - The corpus is made once by bench/gen_corpus.py (deterministic: the same bytes on every
#   machine for a size and seed) into $BENCH_DIR/corpus-<MB>mb and reused; it is read once
#   before timing, so every tool reads from the page cache: the figures are CPU throughput.
# - spiegel batch -j1 and -jN (--force, full XML with transcripts, into a fresh directory each)
#   run under /usr/bin/time -v: wall-clock time and peak resident memory. MB/s is input bytes
#   over wall-clock time, start-up (lexicons, hunspell) included; sentences/s uses the sentence
#   count of the index.
# - wc -w reads every file of the corpus (xargs, one process per few thousand files).
# - Pattern (python3-pattern, pattern.nl.sentiment, one call per line, as one would score
#   utterances) and ucto (-L nld -n: tokenisation and sentence splitting, which spiegel also
#   does) run on a sample: the first files of the corpus in path order until SAMPLE_MB. Their
#   MB/s on the sample is set against spiegel's on the whole corpus; the table says so. Pattern's
#   timer starts after its lexicon is loaded (its first call), so only the scoring is timed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
BENCH_MB=${BENCH_MB:-1024}
BENCH_SEED=${BENCH_SEED:-1}
SAMPLE_MB=${SAMPLE_MB:-2}
SPIEGEL=${SPIEGEL:-build/spiegel}
D=${BENCH_DIR:-build/bench}
NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
JOBS=${BENCH_JOBS:-$NCPU}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
TIME=/usr/bin/time
[ -x "$SPIEGEL" ] || { echo "bench: $SPIEGEL not built (make)" >&2; exit 2; }
LEXICONS=${SPIEGEL_LEXICONS:-lexicons}
[ -x "$TIME" ] || { echo "bench: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }
mkdir -p "$D"

# ---- the corpus, once ------------------------------------------------------------------------
C=$D/corpus-${BENCH_MB}mb-seed$BENCH_SEED
if [ ! -f "$C/.complete" ]; then
  echo "bench: generating a ${BENCH_MB} MB corpus into $C (once)" >&2
  rm -rf "$C" "$C.partial"
  "$PY" bench/gen_corpus.py --mb "$BENCH_MB" --seed "$BENCH_SEED" --out "$C.partial"
  touch "$C.partial/.complete"
  mv "$C.partial" "$C"
fi
find "$C" -type f \( -name '*.txt' -o -name '*.vtt' -o -name '*.srt' \) | LC_ALL=C sort >"$D/files"
files=$(wc -l <"$D/files")
bytes=$(tr '\n' '\0' <"$D/files" | xargs -0 cat | wc -c)
n_txt=$(grep -c '\.txt$' "$D/files" || true)
n_vtt=$(grep -c '\.vtt$' "$D/files" || true)
n_srt=$(grep -c '\.srt$' "$D/files" || true)

# elapsed FILE: wall-clock seconds from /usr/bin/time -v output; rss FILE: peak RSS in MB
elapsed() {
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f", s }'
}
rss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }
index_sentences() { sed -n 's/.*<corpus-index [^>]* sentences="\([0-9]*\)".*/\1/p' "$1" | head -1; }

# ---- spiegel -----------------------------------------------------------------------------------
# Both runs read one copy of the lexicons, taken now: an edit in lexicons/ during the bench
# cannot make them differ.
rm -rf "$D/lexicons"
mkdir -p "$D/lexicons"
find "$LEXICONS" -maxdepth 1 -type f -exec cp {} "$D/lexicons/" \;
run_spiegel() { # run_spiegel JOBS: output in $D/out-jJOBS, /usr/bin/time -v in $D/time-jJOBS
  j=$1
  out=$D/out-j$j
  rm -rf "$out"
  $TIME -v -o "$D/time-j$j" "$SPIEGEL" batch -q --no-progress --force -j "$j" \
    --lexicons "$D/lexicons" -o "$out" "$C" || { echo "bench: spiegel batch -j$j failed" >&2; exit 1; }
}
digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 cat | md5sum | cut -c1-32); }
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "bench: $files files, $bytes bytes; warming the page cache" >&2
tr '\n' '\0' <"$D/files" | xargs -0 cat >/dev/null
echo "bench: spiegel batch -j1" >&2
run_spiegel 1
sentences=$(index_sentences "$D/out-j1/corpus.xml")
cp "$D/out-j1/corpus.xml" "$D/corpus-j1.xml"
out_bytes=$(du -sb "$D/out-j1" | cut -f1)
sum1=$(digest "$D/out-j1")
rm -rf "$D/out-j1"
echo "bench: spiegel batch -j$JOBS" >&2
run_spiegel "$JOBS"
[ "$sum1" = "$(digest "$D/out-j$JOBS")" ] && same=yes || same=NO
rm -rf "$D/out-j$JOBS"

# ---- wc -w -------------------------------------------------------------------------------------
echo "bench: wc -w" >&2
start=$(date +%s.%N)
tr '\n' '\0' <"$D/files" | xargs -0 wc -w >/dev/null
t_wc=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.3f", $2 - $1 }')

# ---- the sample for Pattern and ucto --------------------------------------------------------
S=$D/sample-${SAMPLE_MB}mb.txt
awk -v limit="$(echo "$SAMPLE_MB" | awk '{ print $1 * 1000000 }')" '
  { cmd = "wc -c < \"" $0 "\""; cmd | getline n; close(cmd); print; total += n; if (total >= limit) exit }' \
  "$D/files" | tr '\n' '\0' | xargs -0 cat >"$S"
sample_bytes=$(wc -c <"$S")

t_pattern=""
if "$PY" -c 'import pattern.nl' 2>/dev/null; then
  echo "bench: Pattern sentiment on $sample_bytes bytes" >&2
  t_pattern=$("$PY" - "$S" <<'EOF'
import sys, time
from pattern.nl import sentiment
sentiment("goed")  # loads the lexicon; not timed
start = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        sentiment(line)
print("%.3f" % (time.perf_counter() - start))
EOF
)
else
  echo "bench: python3-pattern not installed; Pattern skipped" >&2
fi
t_ucto=""
if command -v ucto >/dev/null; then
  echo "bench: ucto on $sample_bytes bytes" >&2
  $TIME -v -o "$D/time-ucto" ucto -L nld -n "$S" "$D/sample.ucto" 2>/dev/null
  t_ucto=$(elapsed "$D/time-ucto")
  rss_ucto=$(rss "$D/time-ucto")
else
  echo "bench: ucto not installed; skipped" >&2
fi

# ---- the table -----------------------------------------------------------------------------------
t1=$(elapsed "$D/time-j1")
tN=$(elapsed "$D/time-j$JOBS")
r1=$(rss "$D/time-j1")
rN=$(rss "$D/time-j$JOBS")
{
  echo
  echo "spiegel $(sed -n 's/.*<corpus-index version="\([^"]*\)".*/\1/p' "$D/corpus-j1.xml") bench, $(date -u +%Y-%m-%d)," \
    "$(uname -m), $NCPU CPU$( [ "$NCPU" = 1 ] || echo s): $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')"
  echo "corpus: $(echo "$bytes" | awk '{ printf "%.1f", $1 / 1e6 }') MB, $files files ($n_txt txt, $n_vtt vtt, $n_srt srt)," \
    "seed $BENCH_SEED, $sentences sentences; page cache warm"
  echo "output: $(echo "$out_bytes" | awk '{ printf "%.1f", $1 / 1e6 }') MB of XML; load average before the runs: $load"
  echo
  awk -v bytes="$bytes" -v sb="$sample_bytes" -v sent="$sentences" -v t1="$t1" -v tN="$tN" \
    -v r1="$r1" -v rN="$rN" -v j="$JOBS" -v twc="$t_wc" -v tp="$t_pattern" -v tu="$t_ucto" \
    -v ru="${rss_ucto:-}" -v same="$same" '
  function mbs(b, t) { return (t > 0) ? b / 1e6 / t : 0 }
  function row(name, input, t, rate, sps, mem, ratio1, ratioN) {
    printf "| %-34s | %9s | %8s | %9s | %12s | %9s | %11s | %11s |\n", name, input, t, rate, sps, mem, ratio1, ratioN
  }
  function ratio(a, b) { return (b > 0) ? sprintf(a / b < 10 ? "%.2fx" : "%.1fx", a / b) : "-" }
  BEGIN {
    s1 = mbs(bytes, t1); sN = mbs(bytes, tN)
    row("tool", "input MB", "seconds", "MB/s", "sentences/s", "peak RSS", "-j1 over it", "-j" j " over it")
    print "|------------------------------------|-----------|----------|-----------|--------------|-----------|-------------|-------------|"
    row("spiegel batch -j1 (full XML)", sprintf("%.1f", bytes / 1e6), sprintf("%.2f", t1), sprintf("%.1f", s1),
        sprintf("%.0f", (t1 > 0) ? sent / t1 : 0), r1 " MB", "", "")
    row("spiegel batch -j" j " (full XML)", sprintf("%.1f", bytes / 1e6), sprintf("%.2f", tN), sprintf("%.1f", sN),
        sprintf("%.0f", (tN > 0) ? sent / tN : 0), rN " MB", "", "")
    w = mbs(bytes, twc)
    row("wc -w", sprintf("%.1f", bytes / 1e6), sprintf("%.2f", twc), sprintf("%.1f", w), "-", "-", ratio(s1, w), ratio(sN, w))
    if (tp != "") { p = mbs(sb, tp)
      row("Pattern sentiment (sample)", sprintf("%.1f", sb / 1e6), sprintf("%.2f", tp), sprintf("%.3f", p), "-", "-", ratio(s1, p), ratio(sN, p)) }
    if (tu != "") { u = mbs(sb, tu)
      row("ucto -L nld -n (sample)", sprintf("%.1f", sb / 1e6), sprintf("%.2f", tu), sprintf("%.3f", u), "-", ru " MB", ratio(s1, u), ratio(sN, u)) }
    print ""
    scale = (t1 > 0 && tN > 0) ? t1 / tN : 0
    printf("scaling -j%s / -j1: %.2fx; every output byte-identical for -j1 and -j%s: %s\n", j, scale, j, same)
    printf("ratios: spiegel MB/s on the whole corpus over the tool MB/s (Pattern and ucto: on the %.1f MB sample)\n", sb / 1e6)
    t_speed = (s1 >= 50) ? "met" : "NOT met"
    t_scale = (scale >= 1.8) ? "met" : "NOT met"
    t_mem = (r1 <= 100 && rN <= 100) ? "met" : "NOT met"
    t_pat = (tp == "") ? "n/a" : ((s1 / p > 100) ? "met" : "NOT met")
    printf("targets (on a 1 GB corpus): -j1 >= 50 MB/s: %s; -j2 >= 1.8x -j1: %s; peak RSS <= 100 MB: %s; > 100x Pattern: %s\n", t_speed, t_scale, t_mem, t_pat)
  }'
} | tee "$D/result-${BENCH_MB}mb.txt"
