#!/bin/sh
# bench.sh — `make bench`: spiegel's throughput on a generated corpus, beside wc -w, Pattern's
# sentiment and ucto on the same text, in one run on one machine.
#
#   BENCH_MB=1024 sh bench/bench.sh     the issue's figure: a 1 GB corpus (default)
#   BENCH_MB=50 sh bench/bench.sh       a quick run
#   BENCH_CORPUS=DIR sh bench/bench.sh  the same table on a corpus of your own (real transcripts)
#
# Environment: BENCH_MB (corpus size in MB, 10^6 bytes; default 1024), BENCH_SEED (default 1),
# BENCH_CORPUS (a directory of *.txt, *.vtt, *.srt to measure instead of the generated corpus;
# it is only read: outputs go to BENCH_DIR; the targets are still printed, for a 1 GB corpus),
# BENCH_JOBS (the -j of the parallel run the targets are judged on; default 2, the issue's "two
# cores", or 1 on a machine of one CPU; on a machine of more than two CPUs, when BENCH_JOBS is
# not set, a third run at -j<CPUs> shows the whole machine beside them), BENCH_RUNS (how many
# times each spiegel run is made, alternating -j1 and -jN; default 1), SAMPLE_MB (size of the
# sample given to Pattern and ucto, which are too slow for the whole corpus; default 2),
# BENCH_NCPU (the CPU count the runs are planned for; default: this machine's; tests/bench.sh
# sets it to try the run on every CPU on a machine of two), SCORE_MB (the input of the
# `spiegel score` row; default 100, 0 skips it), SMALL_MB (a second corpus of small files, 1-2 KB each, for memory whatever the number of
# inputs; default 400, about 200,000 files; 0 skips it), SPIEGEL (default build/spiegel),
# BENCH_DIR (default build/bench).
#
# What is measured, and how:
# - The corpus is made once by bench/gen_corpus.py (deterministic: the same bytes on every
#   machine for a size and seed) into $BENCH_DIR/corpus-<MB>mb and reused; it is read once
#   before timing, so every tool reads from the page cache: the figures are CPU throughput.
#   Whether the host let it be so is printed on a `host:` line: the share of the corpus in the
#   page cache before each spiegel run (fincore) and the share of its wall-clock time stalled on
#   I/O (/proc/pressure/io); some virtual machines drop their cache and throttle their disk.
# - spiegel batch -j1 and -jN (--force, full XML with transcripts, into a fresh directory each,
#   all kept until all have run: about 17 times the corpus size on disk per round) run under
#   /usr/bin/time -v: wall-clock time and peak resident memory. MB/s is input bytes over
#   wall-clock time, start-up (lexicons, hunspell) included; sentences/s uses the sentence
#   count of the index. With BENCH_RUNS=R the pair runs R times (-j1, -jN, -j1, -jN, ...) and
#   the table gives the median time of each (the highest peak RSS), with the range below it: on
#   a shared machine one run can be a fifth slower than the next.
# - wc -w reads every file of the corpus (xargs, one process per few thousand files).
# - Pattern (python3-pattern, pattern.nl.sentiment, one call per line, as one would score
#   utterances) and ucto (-L nld -n: tokenisation and sentence splitting, which spiegel also
#   does) run on a sample: the first files of the corpus in path order until SAMPLE_MB. Their
#   MB/s on the sample is set against spiegel's on the whole corpus; the table says so. Pattern's
#   timer starts after its lexicon is loaded (its first call), so only the scoring is timed. The
#   targets take Pattern one line (one utterance) a call, as spiegel scores utterances; a second
#   row gives it blocks of 20 lines, which it scores about a fifth faster (one polarity a block).
# - Pattern's own task, one polarity per line, is also spiegel's `score` command. It runs on the
#   first SCORE_MB of the corpus (the files in path order, as the sample, concatenated; default
#   100, 0 skips it): large enough that its start-up (lexicons, hunspell: ~0.1 s) and the first
#   sight of each word type weigh as they do on a real corpus, where Pattern's timer excludes its
#   start-up. Its row sets the same task side by side; the targets stay on the full analysis.
# - Memory whatever the number of inputs: spiegel batch -jN once more, on SMALL_MB of small
#   files (generated once, like the corpus), for its peak RSS; the RSS target holds for it too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
BENCH_MB=${BENCH_MB:-1024}
BENCH_SEED=${BENCH_SEED:-1}
SMALL_MB=${SMALL_MB:-400}
SAMPLE_MB=${SAMPLE_MB:-2}
SCORE_MB=${SCORE_MB:-100}
SPIEGEL=${SPIEGEL:-build/spiegel}
D=${BENCH_DIR:-build/bench}
NCPU=${BENCH_NCPU:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
if [ -n "${BENCH_JOBS:-}" ]; then JOBS=$BENCH_JOBS; elif [ "$NCPU" -ge 2 ]; then JOBS=2; else JOBS=1; fi
WIDE="" # every CPU, when there are more than the targets' two
[ -n "${BENCH_JOBS:-}" ] || [ "$NCPU" -le 2 ] || WIDE=$NCPU
RUNS=${BENCH_RUNS:-1}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
TIME=/usr/bin/time
[ -x "$SPIEGEL" ] || { echo "bench: $SPIEGEL not built (make)" >&2; exit 2; }
LEXICONS=${SPIEGEL_LEXICONS:-lexicons}
[ -x "$TIME" ] || { echo "bench: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }
mkdir -p "$D"

# ---- the corpus, once ------------------------------------------------------------------------
C=$D/corpus-${BENCH_MB}mb-seed$BENCH_SEED
TAG=${BENCH_MB}mb
origin="seed $BENCH_SEED"
if [ -n "${BENCH_CORPUS:-}" ]; then
  [ -d "$BENCH_CORPUS" ] || { echo "bench: BENCH_CORPUS=$BENCH_CORPUS is not a directory" >&2; exit 2; }
  C=$(cd "$BENCH_CORPUS" && pwd)
  TAG=given
  origin="given: $C"
elif [ ! -f "$C/.complete" ]; then
  echo "bench: generating a ${BENCH_MB} MB corpus into $C (once)" >&2
  rm -rf "$C" "$C.partial"
  "$PY" bench/gen_corpus.py --mb "$BENCH_MB" --seed "$BENCH_SEED" --out "$C.partial"
  touch "$C.partial/.complete"
  mv "$C.partial" "$C"
fi
# what spiegel batch takes: names starting with a dot (and what is under them) are left out
find "$C" -name '.*' ! -path "$C" -prune -o -type f \( -iname '*.txt' -o -iname '*.vtt' -o -iname '*.srt' \
  -o -iname '*.sbv' -o -iname '*.cha' -o -iname '*.ass' -o -iname '*.ssa' -o -iname '*.textgrid' -o -iname '*.trs' -o -iname '*.eaf' -o -iname '*.exb' \) -print |
  LC_ALL=C sort >"$D/files"
files=$(wc -l <"$D/files")
[ "$files" -gt 0 ] || { echo "bench: no transcripts (*.txt, *.vtt, *.srt, *.sbv, *.cha, *.ass, *.ssa, *.TextGrid, *.trs, *.eaf, *.exb) under $C" >&2; exit 2; }
bytes=$(tr '\n' '\0' <"$D/files" | xargs -0 cat | wc -c)
n_txt=$(grep -c '\.txt$' "$D/files" || true)
n_vtt=$(grep -c '\.vtt$' "$D/files" || true)
n_srt=$(grep -c '\.srt$' "$D/files" || true)
n_other=$((files - n_txt - n_vtt - n_srt)) # .sbv .cha .ass .ssa .TextGrid .trs .eaf .exb, and names in other case

# elapsed FILE: wall-clock seconds from /usr/bin/time -v output; rss FILE: peak RSS in MB
elapsed() {
  sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f", s }'
}
rss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }
cpu() { # user + system seconds
  sed -n 's/.*\(User\|System\) time (seconds): //p' "$1" | awk '{ s += $1 } END { printf "%.2f", s }'
}
index_sentences() { sed -n 's/.*<corpus-index [^>]* sentences="\([0-9]*\)".*/\1/p' "$1" | head -1; }

# ---- spiegel -----------------------------------------------------------------------------------
# Both runs read one copy of the lexicons, taken now: an edit in lexicons/ during the bench
# cannot make them differ.
rm -rf "$D/lexicons"
mkdir -p "$D/lexicons"
find "$LEXICONS" -maxdepth 1 -type f -exec cp {} "$D/lexicons/" \;
# What the host did to a run, beside its times: how much of the corpus the page cache held when
# it started (fincore, util-linux-extra; a virtual machine may drop the cache whatever memory is
# free, and then the run reads the disk), and the share of its wall-clock time in which tasks
# stalled on I/O (/proc/pressure/io, "some"; a throttled virtual disk shows here). Either is "?"
# where the system cannot tell.
resident() { # percent of the corpus's pages in the page cache
  command -v fincore >/dev/null || { echo '?'; return; }
  tr '\n' '\0' <"$D/files" | xargs -0 fincore --noheadings --bytes --output RES,SIZE 2>/dev/null |
    awk -v page="$(getconf PAGESIZE 2>/dev/null || echo 4096)" '{ s += $1; t += int(($2 + page - 1) / page) * page }
         END { if (t > 0) printf "%.0f\n", 100 * (s < t ? s : t) / t; else print "?" }'
}
io_stall_us() { sed -n 's/^some .*total=\([0-9]*\).*/\1/p' /proc/pressure/io 2>/dev/null | head -1; }
run_spiegel() { # run_spiegel JOBS RUN: output in $D/out-jJOBS-RUN, /usr/bin/time -v in $D/time-jJOBS-RUN
  j=$1
  out=$D/out-j$j-$2
  # Every run starts from the same state: the writeback of the previous run's gigabytes of XML
  # is finished, not charged to the run that follows.
  sync
  resident >"$D/cache-j$j-$2"
  stall0=$(io_stall_us)
  $TIME -v -o "$D/time-j$j-$2" "$SPIEGEL" batch -q --no-progress --force -j "$j" \
    --lexicons "$D/lexicons" -o "$out" "$C" || { echo "bench: spiegel batch -j$j failed" >&2; exit 1; }
  stall1=$(io_stall_us)
  if [ -n "$stall0" ] && [ -n "$stall1" ]; then
    elapsed "$D/time-j$j-$2" | awk -v a="$stall0" -v b="$stall1" \
      '{ if ($1 > 0) printf "%.0f\n", (b - a) / 1e4 / $1; else print "?" }' >"$D/stall-j$j-$2"
  else
    echo '?' >"$D/stall-j$j-$2"
  fi
}
# the lowest and highest of a per-run figure kept in $D/NAME-jJOBS-RUN: "12-100", or "?"
spread() {
  for r in $(seq "$RUNS"); do cat "$D/$1-j$2-$r" 2>/dev/null || echo '?'; done |
    awk '$1 == "?" { unknown = 1 } $1 != "?" { v = $1 + 0; if (n++ == 0 || v < lo) lo = v; if (n == 1 || v > hi) hi = v }
         END { if (unknown || !n) print "?"; else if (lo == hi) print lo; else print lo "-" hi }'
}
# median FUNCTION JOBS: the median over the runs of FUNCTION (elapsed, cpu) of the -jJOBS runs;
# range FUNCTION JOBS: "min-max"; peak JOBS: the highest peak RSS
over_runs() { for r in $(seq "$RUNS"); do "$1" "$D/time-j$2-$r"; echo; done | sort -n; }
median() { over_runs "$1" "$2" | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { over_runs "$1" "$2" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }'; }
peak() { over_runs rss "$1" | tail -1; }
digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 cat | md5sum | cut -c1-32); }
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "bench: $files files, $bytes bytes; warming the page cache" >&2
tr '\n' '\0' <"$D/files" | xargs -0 cat >/dev/null
# The outputs of both runs are removed only after both: thousands of files deleted just before
# a run make its own file creations slow on an ext4 without a journal (the inode allocator steps
# over every inode freed in the last minute), a cost of the bench's cleaning, not of spiegel.
# Outputs left by an interrupted bench are removed now, well before the runs.
rm -rf "$D"/out-j*
need=$(awk -v mb="$(echo "$bytes" | awk '{ printf "%d", $1 / 1e6 + 1 }')" -v r="$RUNS" -v n="${WIDE:+3}" 'BEGIN { printf "%d", mb * 9 * (n ? n : 2) * r + 100 }') # ~8.3 bytes of XML per byte
avail=$(df -Pm "$D" | awk 'NR == 2 { print $4 }')
if [ "$avail" -lt "$need" ]; then
  echo "bench: the runs' XML needs about $need MB in $D, $avail MB are free (BENCH_DIR, BENCH_RUNS)" >&2
  exit 1
fi
for r in $(seq "$RUNS"); do
  echo "bench: spiegel batch -j1 (run $r of $RUNS)" >&2
  run_spiegel 1 "$r"
  echo "bench: spiegel batch -j$JOBS (run $r of $RUNS)" >&2
  run_spiegel "$JOBS" "$r"
  if [ -n "$WIDE" ]; then
    echo "bench: spiegel batch -j$WIDE, every CPU (run $r of $RUNS)" >&2
    run_spiegel "$WIDE" "$r"
  fi
done
sentences=$(index_sentences "$D/out-j1-1/corpus.xml")
cp "$D/out-j1-1/corpus.xml" "$D/corpus-j1.xml"
out_bytes=$(du -sb "$D/out-j1-1" | cut -f1)
# every output of every run is the same as the first -j1 run's
first=$(digest "$D/out-j1-1")
same=yes
for out in "$D"/out-j*; do
  [ "$out" = "$D/out-j1-1" ] || [ "$(digest "$out")" = "$first" ] || same=NO
done
rm -rf "$D"/out-j*

# ---- wc -w -------------------------------------------------------------------------------------
echo "bench: wc -w" >&2
tr '\n' '\0' <"$D/files" >"$D/files0"
$TIME -v -o "$D/time-wc" xargs -0 -a "$D/files0" wc -w >/dev/null

# ---- the sample for Pattern and ucto --------------------------------------------------------
S=$D/sample-${SAMPLE_MB}mb.txt
awk -v limit="$(echo "$SAMPLE_MB" | awk '{ print $1 * 1000000 }')" '
  { cmd = "wc -c < \"" $0 "\""; cmd | getline n; close(cmd); print; total += n; if (total >= limit) exit }' \
  "$D/files" | tr '\n' '\0' | xargs -0 cat >"$S"
sample_bytes=$(wc -c <"$S")

t_pattern="" t_pattern_block=""
if "$PY" -c 'import pattern.nl' 2>/dev/null; then
  echo "bench: Pattern sentiment on $sample_bytes bytes" >&2
  t_pattern=$("$PY" - "$S" <<'EOF'
import sys, time
from pattern.nl import sentiment
sentiment("goed")  # loads the lexicon; not timed
with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.readlines()
start, cpu = time.perf_counter(), time.process_time()
for line in lines:
    sentiment(line)
print("%.3f %.3f" % (time.perf_counter() - start, time.process_time() - cpu), end=" ")
start, cpu = time.perf_counter(), time.process_time()
for i in range(0, len(lines), 20):
    sentiment("".join(lines[i:i + 20]))
print("%.3f %.3f" % (time.perf_counter() - start, time.process_time() - cpu))
EOF
)
  t_pattern_block=${t_pattern#* * }
  t_pattern=${t_pattern% * *}
else
  echo "bench: python3-pattern not installed; Pattern skipped" >&2
fi
t_ucto=""
if command -v ucto >/dev/null; then
  echo "bench: ucto on $sample_bytes bytes" >&2
  $TIME -v -o "$D/time-ucto" ucto -L nld -n "$S" "$D/sample.ucto" 2>/dev/null
  t_ucto="$(elapsed "$D/time-ucto") $(cpu "$D/time-ucto")"
  rss_ucto=$(rss "$D/time-ucto")
else
  echo "bench: ucto not installed; skipped" >&2
fi

# ---- spiegel score: Pattern's task (a polarity per line) on the first SCORE_MB ------------------
score_row=""
if [ "$SCORE_MB" != 0 ]; then
  T=$D/score-input.txt
  awk -v limit="$(echo "$SCORE_MB" | awk '{ print $1 * 1000000 }')" '
    { cmd = "wc -c < \"" $0 "\""; cmd | getline n; close(cmd); print; total += n; if (total >= limit) exit }' \
    "$D/files" | tr '\n' '\0' | xargs -0 cat >"$T"
  score_bytes=$(wc -c <"$T")
  cat "$T" >/dev/null
  echo "bench: spiegel score on $score_bytes bytes" >&2
  $TIME -v -o "$D/time-score" "$SPIEGEL" score --lexicons "$D/lexicons" -o "$D/score-output.tsv" "$T" ||
    { echo "bench: spiegel score failed" >&2; exit 1; }
  score_row="spiegel score (per line)|$score_bytes|$(elapsed "$D/time-score")|$(cpu "$D/time-score")||$(rss "$D/time-score")"
  rm -f "$T" "$D/score-output.tsv"
fi

# ---- many small inputs: memory whatever the number of files --------------------------------
small_row=""
if [ "$SMALL_MB" != 0 ]; then
  M=$D/small-${SMALL_MB}mb-seed$BENCH_SEED
  if [ ! -f "$M/.complete" ]; then
    echo "bench: generating $SMALL_MB MB of small files into $M (once)" >&2
    rm -rf "$M" "$M.partial"
    "$PY" bench/gen_corpus.py --mb "$SMALL_MB" --min-kb 1 --max-kb 2 --seed "small$BENCH_SEED" \
      --out "$M.partial" -q
    touch "$M.partial/.complete"
    mv "$M.partial" "$M"
  fi
  small_files=$(find "$M" -type f ! -name .complete | wc -l)
  small_bytes=$(find "$M" -type f ! -name .complete -print0 | xargs -0 cat | wc -c)
  echo "bench: spiegel batch -j$JOBS on $small_files small files" >&2
  rm -rf "$D/out-small"
  sync
  $TIME -v -o "$D/time-small" "$SPIEGEL" batch -q --no-progress --force -j "$JOBS" \
    --lexicons "$D/lexicons" -o "$D/out-small" "$M" || { echo "bench: spiegel batch on small files failed" >&2; exit 1; }
  small_row="spiegel -j$JOBS, $small_files small files|$small_bytes|$(elapsed "$D/time-small")|$(cpu "$D/time-small")|$(index_sentences "$D/out-small/corpus.xml")|$(rss "$D/time-small")"
  rm -rf "$D/out-small"
fi

# ---- the table -----------------------------------------------------------------------------------
# Each row: name, input bytes, wall seconds, CPU seconds (user + system), sentences, peak RSS MB.
# MB/s is over wall-clock time; "MB/CPU-s" over CPU time, which a busy machine does not distort.
{
  echo "spiegel batch -j1 (full XML)|$bytes|$(median elapsed 1)|$(median cpu 1)|$sentences|$(peak 1)"
  echo "spiegel batch -j$JOBS (full XML)|$bytes|$(median elapsed "$JOBS")|$(median cpu "$JOBS")|$sentences|$(peak "$JOBS")"
  [ -z "$WIDE" ] ||
    echo "spiegel batch -j$WIDE, every CPU|$bytes|$(median elapsed "$WIDE")|$(median cpu "$WIDE")|$sentences|$(peak "$WIDE")"
  echo "wc -w|$bytes|$(elapsed "$D/time-wc")|$(cpu "$D/time-wc")||$(rss "$D/time-wc")"
  [ -z "$t_pattern" ] || echo "Pattern sentiment (sample)|$sample_bytes|${t_pattern% *}|${t_pattern#* }||"
  [ -z "$t_ucto" ] || echo "ucto -L nld -n (sample)|$sample_bytes|${t_ucto% *}|${t_ucto#* }||$rss_ucto"
  [ -z "$t_pattern_block" ] ||
    echo "Pattern 20 lines/call (sample)|$sample_bytes|${t_pattern_block% *}|${t_pattern_block#* }||"
  [ -z "$score_row" ] || echo "$score_row"
  [ -z "$small_row" ] || echo "$small_row"
} >"$D/rows"
{
  echo
  echo "spiegel $(sed -n 's/.*<corpus-index version="\([^"]*\)".*/\1/p' "$D/corpus-j1.xml") bench, $(date -u +%Y-%m-%d)," \
    "$(uname -m), $NCPU CPU$( [ "$NCPU" = 1 ] || echo s): $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')"
  echo "corpus: $(echo "$bytes" | awk '{ printf "%.1f", $1 / 1e6 }') MB, $files files ($n_txt txt, $n_vtt vtt, $n_srt srt$([ "$n_other" -gt 0 ] && echo ", $n_other other"))," \
    "$origin, $sentences sentences; page cache warmed"
  echo "host: corpus in the page cache before the runs (fincore) -j1 $(spread cache 1) %," \
    "-j$JOBS $(spread cache "$JOBS") %; time stalled on I/O during them (/proc/pressure/io)" \
    "-j1 $(spread stall 1) %, -j$JOBS $(spread stall "$JOBS") % (a cache far below 100 % or a" \
    "stall over ~5 %: the host's disk, not spiegel, set the rates)"
  echo "output: $(echo "$out_bytes" | awk '{ printf "%.1f", $1 / 1e6 }') MB of XML; load average before the runs: $load"
  if [ "$RUNS" -gt 1 ]; then
    echo "runs: $RUNS of each, alternating; spiegel's rows are medians (peak RSS: the highest); wall s over the runs:" \
      "-j1 $(range elapsed 1), -j$JOBS $(range elapsed "$JOBS")${WIDE:+, -j$WIDE $(range elapsed "$WIDE")}"
  fi
  echo
  awk -F'|' -v j="$JOBS" -v same="$same" -v runs="$RUNS" '
  function cell(w, v) { return sprintf("%" w "s", v) }
  function row(a, b, c, d, e, f, g, h, i, k) {
    printf "| %-31s | %8s | %8s | %8s | %8s | %9s | %11s | %9s | %10s | %10s |\n", a, b, c, d, e, f, g, h, i, k
  }
  function ratio(a, b) { return (b > 0) ? sprintf(a / b < 10 ? "%.2fx" : "%.1fx", a / b) : "-" }
  {
    name[NR] = $1; mb[NR] = $2 / 1e6; wall[NR] = $3; cpus[NR] = $4; sent[NR] = $5; mem[NR] = $6
    rate[NR] = ($3 > 0) ? mb[NR] / $3 : 0; crate[NR] = ($4 > 0) ? mb[NR] / $4 : 0
    if ($1 ~ /^Pattern sentiment/) P = NR
    if ($1 ~ /^ucto/) U = NR
    if ($1 ~ /^Pattern 20 lines/) PB = NR
    if ($1 ~ /small files$/) SM = NR
    if ($1 ~ /every CPU$/) W = NR
    if ($1 ~ /^spiegel score/) SC = NR
  }
  END {
    row("tool", "input MB", "wall s", "MB/s", "CPU s", "MB/CPU-s", "sentences/s", "peak RSS", "-j1 over", "-j" j " over")
    print "|---------------------------------|----------|----------|----------|----------|-----------|-------------|-----------|------------|------------|"
    for (r = 1; r <= NR; r++)
      row(name[r], sprintf("%.1f", mb[r]), sprintf("%.2f", wall[r]), sprintf(rate[r] < 1 ? "%.3f" : "%.1f", rate[r]),
          sprintf("%.2f", cpus[r]), sprintf(crate[r] < 1 ? "%.3f" : "%.1f", crate[r]),
          sent[r] != "" && wall[r] > 0 ? sprintf("%.0f", sent[r] / wall[r]) : "-", mem[r] != "" ? mem[r] " MB" : "-",
          r > 2 && r != SM && r != W && r != SC ? ratio(rate[1], rate[r]) : "",
          r > 2 && r != SM && r != W && r != SC ? ratio(rate[2], rate[r]) : "")
    scale = (wall[2] > 0) ? wall[1] / wall[2] : 0
    print ""
    printf("scaling -j%s over -j1 (wall%s): %.2fx; every output byte-identical for -j1%s and -j%s%s: %s\n", j,
      runs > 1 ? ", medians" : "", scale, W ? ", -j" j : "", W ? substr(name[W], 17, index(name[W], ",") - 17) : j,
      runs > 1 ? " in every run" : "", same)
    printf("ratios: spiegel MB/s (wall, whole corpus) over the tool MB/s (Pattern, ucto: on the sample);")
    printf(" per CPU-second: %s over Pattern (%s over it at 20 lines/call), %s over ucto\n", P ? ratio(crate[1], crate[P]) : "-",
      PB ? ratio(crate[1], crate[PB]) : "-", U ? ratio(crate[1], crate[U]) : "-")
    if (SC && P)
      printf("the same task as Pattern (a polarity per line): spiegel score %s MB/s on the first %.0f MB, %s Pattern per CPU-second\n",
        sprintf("%.1f", rate[SC]), mb[SC], ratio(crate[SC], crate[P]))
    pat = (P && rate[P] > 0) ? rate[1] / rate[P] : 0
    printf("targets (on a 1 GB corpus): -j1 >= 50 MB/s: %s; -j%s >= 1.8x -j1: %s; peak RSS <= 100 MB: %s; > 100x Pattern: %s\n",
      (rate[1] >= 50) ? "met" : "NOT met", j, (scale >= 1.8) ? "met" : "NOT met",
      (mem[1] <= 100 && mem[2] <= 100 && (!SM || mem[SM] <= 100)) ? "met" : "NOT met", !P ? "n/a" : ((pat > 100) ? "met" : "NOT met"))
    if (W) printf("every CPU: %s at %s MB/s, %.2fx -j1, peak RSS %s MB (the targets are for two cores; each worker past two adds memory: docs/batch.md)\n",
      substr(name[W], 15, index(name[W], ",") - 15), sprintf("%.1f", rate[W]), wall[W] > 0 ? wall[1] / wall[W] : 0, mem[W])
    if (SM) printf("peak RSS on %s: %s MB (the same target: memory whatever the number of inputs)\n", substr(name[SM], index(name[SM], ",") + 2), mem[SM])
  }' "$D/rows"
} | tee "$D/result-$TAG.txt"
