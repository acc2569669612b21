#!/bin/sh
# batch.sh — `spiegel batch` and `spiegel merge` as a user meets them: the same bytes for any -j,
# resume after an interruption (also kill -9), a bad file among good ones, atomic outputs, the
# settings stamp, shards merged byte for byte, and the GNU parallel and Slurm recipes of
# docs/scale-out.md run as written (extracted from the document, so the document stays true).
#
# SPIEGEL names the binary (default build/spiegel); BATCH_TEST_DIR the scratch directory
# (default build/batch-test). Ends with "batch: N passed, N failed"; exit 1 on any failure.
set -u
SPIEGEL=${SPIEGEL:-build/spiegel}
case $SPIEGEL in /*) ;; *) SPIEGEL=$(pwd)/$SPIEGEL ;; esac
T=${BATCH_TEST_DIR:-build/batch-test}
case $T in /*) ;; *) T=$(pwd)/$T ;; esac
ROOT=$(pwd)
# An ASan build meets hunspell 1.7.1's one-byte over-read on some Dutch compounds (see
# docs/performance.md); the suppression names only that library.
if [ -z "${ASAN_OPTIONS:-}" ] && [ -f "$ROOT/tests/asan.supp" ]; then
  ASAN_OPTIONS=suppressions=$ROOT/tests/asan.supp
  export ASAN_OPTIONS
fi
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
rm -rf "$T"
mkdir -p "$T"
# One copy of the lexicons for the whole test, so that every run has the same settings even if
# lexicons/ is edited meanwhile (and so that a binary outside build/ finds them).
mkdir -p "$T/lexicons"
find "${SPIEGEL_LEXICONS:-$ROOT/lexicons}" -maxdepth 1 -type f -exec cp {} "$T/lexicons/" \;
SPIEGEL_LEXICONS=$T/lexicons
export SPIEGEL_LEXICONS
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }
# check NAME EXPECTED_STATUS COMMAND...: runs it, output in $T/out and $T/err
check() {
  name=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$name: exit $got, expected $want"; sed 's/^/  | /' "$T/err" | head -20; fi
}
same_tree() { # same_tree NAME DIR1 DIR2 [diff options]
  name=$1 a=$2 b=$3
  shift 3
  if diff -r "$@" "$a" "$b" >"$T/diff" 2>&1; then ok; else bad "$name: $a and $b differ"; head -20 "$T/diff"; fi
}
same_file() {
  if cmp -s "$2" "$3"; then ok; else bad "$1: $2 and $3 differ"; diff "$2" "$3" | head -10; fi
}
no_temp_files() {
  left=$(find "$2" -name '*.tmp.*' | head -5)
  [ -z "$left" ] && ok || bad "$1: temporary files left behind: $left"
}
# summary DIR: the counts of the last -v summary line in $T/err ("N analysed, N up to date, N failed")
counts() { sed -n 's/.* files: \([0-9]*\) analysed, \([0-9]*\) up to date, \([0-9]*\) failed.*/\1 \2 \3/p' "$T/err" | tail -1; }
expect_counts() { # expect_counts NAME "A U F"
  got=$(counts)
  [ "$got" = "$2" ] && ok || bad "$1: analysed/up-to-date/failed = '$got', expected '$2'"
}

# ---- a corpus: generated transcripts in nested directories, and a few written here ----------
C=$T/corpus
"$PY" bench/gen_corpus.py --mb 2 --min-kb 10 --max-kb 80 --seed test --out "$C/gen" -q ||
  { echo "batch: cannot generate the test corpus"; exit 1; }
mkdir -p "$C/hand/sub" "$C/hand/.hidden"
printf '# titel: Spiegel test\n# datum: 3 maart 2024\nGespreksleider: Welkom allemaal.\nMevrouw K.: De verpleegkundigen waren heel vriendelijk.\nMeneer B.: Ik moest erg lang wachten, dat was echt vervelend.\n' >"$C/hand/a.txt"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Gespreksleider>Welkom.</v>\n\n00:00:05.000 --> 00:00:09.000\n<v Mevrouw K.>De arts nam echt de tijd, heel fijn.</v>\n' >"$C/hand/sub/b.vtt"
printf '1\n00:00:01,000 --> 00:00:03,000\nGespreksleider: Welkom.\n\n2\n00:00:04,000 --> 00:00:08,000\nMeneer B.: Het zou fijn zijn als er een bordje bij de ingang komt.\n' >"$C/hand/sub/c.srt"
printf '0:00:01.000,0:00:03.000\nGespreksleider: Welkom.\n\n0:00:04.000,0:00:08.000\nMeneer B.: De balie was snel.\n' >"$C/hand/sub/d.sbv"
printf '# datum bijeenkomst: 5 april 2024\nGespreksleider: Welkom.\nMevrouw K.: De balie was snel.\n' >"$C/hand/sub/f.txt"
printf '[Script Info]\nTitle: Spiegel ass\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:03.00,Default,Gespreksleider,0,0,0,,Welkom.\nDialogue: 0,0:00:04.00,0:00:08.00,Default,Meneer B.,0,0,0,,De balie was {\\i1}snel{\\i0}.\n' >"$C/hand/sub/g.ass"
printf 'File type = "ooTextFile short"\n"TextGrid"\n0\n8\n<exists>\n2\n"IntervalTier"\n"Gespreksleider"\n0\n8\n1\n0\n3\n"Welkom."\n"IntervalTier"\n"Meneer B."\n0\n8\n1\n4\n8\n"De balie was snel."\n' >"$C/hand/sub/h.TextGrid"
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Trans><Speakers><Speaker id="s1" name="Gespreksleider"/><Speaker id="s2" name="Mevrouw K."/></Speakers><Episode><Section><Turn speaker="s1" startTime="0" endTime="2"><Sync time="0"/>Welkom.</Turn><Turn speaker="s2" startTime="2" endTime="6"><Sync time="2"/>De balie was snel.</Turn></Section></Episode></Trans>\n' >"$C/hand/sub/i.trs"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT AUTHOR="" FORMAT="3.0" VERSION="3.0"><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/><TIME_SLOT TIME_SLOT_ID="ts2"/><TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="6000"/></TIME_ORDER><TIER TIER_ID="Mevrouw K."><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts3"><ANNOTATION_VALUE>De balie was snel.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER><TIER TIER_ID="Gespreksleider"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>Welkom.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>\n' >"$C/hand/sub/j.eaf"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<basic-transcription><head><speakertable><speaker id="S0"><abbreviation>GL</abbreviation></speaker><speaker id="S1"><abbreviation>Mevrouw K.</abbreviation></speaker></speakertable></head><basic-body><common-timeline><tli id="T0" time="0"/><tli id="T1" time="2"/><tli id="T2"/><tli id="T3" time="6"/></common-timeline><tier speaker="S0" category="v" type="t"><event start="T0" end="T1">Welkom. </event></tier><tier speaker="S1" category="v" type="t"><event start="T1" end="T2">De balie was </event><event start="T2" end="T3">snel. </event></tier></basic-body></basic-transcription>\n' >"$C/hand/sub/k.exb"
printf '@UTF8\n@Begin\n@Participants:\tINV Ann Investigator, PAR Piet Participant\n*INV:\twelkom .\n*PAR:\tde zorg was goed .\n@End\n' >"$C/hand/sub/e.cha"
cp "$C/hand/a.txt" "$C/hand/same.txt"
printf 'Mevrouw K.: Een andere tekst met dezelfde naam, maar niet slecht.\n' >"$C/hand/same.vtt.txt"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v P1>Zelfde naam, ander formaat: prima.</v>\n' >"$C/hand/same.vtt"
printf 'Gespreksleider: dit wordt niet gelezen\n' >"$C/hand/.hidden/x.txt"
printf 'geen transcript\n' >"$C/hand/notes.md"

# ---- usage -----------------------------------------------------------------------------------
check help 0 "$SPIEGEL" batch --help
grep -q -- "--shard" "$T/out" && ok || bad "batch --help documents --shard"
check merge-help 0 "$SPIEGEL" merge --help
check no-outdir 2 "$SPIEGEL" batch "$C"
check no-input 2 "$SPIEGEL" batch -o "$T/x"
check bad-jobs 2 "$SPIEGEL" batch -j 0 -o "$T/x" "$C"
check bad-jobs-word 2 "$SPIEGEL" batch -j many -o "$T/x" "$C"
check bad-shard 2 "$SPIEGEL" batch --shard 4/3 -o "$T/x" "$C"
check bad-shard-form 2 "$SPIEGEL" batch --shard 1 -o "$T/x" "$C"
check unknown-option 2 "$SPIEGEL" batch --frobnicate -o "$T/x" "$C"
check bad-format 2 "$SPIEGEL" batch --format docx -o "$T/x" "$C"
check merge-nothing 2 "$SPIEGEL" merge
[ ! -e "$T/x" ] && ok || bad "a usage error created the output directory"

# ---- determinism across -j ---------------------------------------------------------------------
check j1 0 "$SPIEGEL" batch -j1 -q -o "$T/j1" "$C"
[ ! -s "$T/err" ] && ok || bad "-q on a pipe prints nothing: $(head -3 "$T/err")"
check j2 0 "$SPIEGEL" batch -j2 -q -o "$T/j2" "$C"
check j5 0 "$SPIEGEL" batch -j 5 -q -o "$T/j5" "$C"
same_tree "-j1 vs -j2" "$T/j1" "$T/j2"
same_tree "-j1 vs -j5" "$T/j1" "$T/j5"
n_in=$(find "$C" -path '*/.*' -prune -o \( -name '*.txt' -o -name '*.vtt' -o -name '*.srt' -o -name '*.sbv' -o -name '*.cha' -o -name '*.ass' -o -name '*.ssa' -o -name '*.TextGrid' -o -name '*.trs' -o -name '*.eaf' -o -name '*.exb' \) -print | wc -l)
n_out=$(find "$T/j1" -name '*.xml' ! -name corpus.xml | wc -l)
[ "$n_in" = "$n_out" ] && ok || bad "one XML per input: $n_in inputs, $n_out outputs"
[ -f "$T/j1/gen/$(cd "$C/gen" && find . -name '*.txt' | head -1 | sed 's/\.txt$/.xml/')" ] && ok ||
  bad "the output tree mirrors the input tree"
[ -f "$T/j1/hand/sub/b.xml" ] && [ -f "$T/j1/hand/sub/c.xml" ] && ok || bad "vtt and srt outputs in hand/sub/"
grep -q 'hand/sub/d.sbv" output="hand/sub/d.xml" format="sbv"' "$T/j1/corpus.xml" &&
  grep -q 'hand/sub/e.cha" output="hand/sub/e.xml" format="chat"' "$T/j1/corpus.xml" &&
  grep -q 'hand/sub/g.ass" output="hand/sub/g.xml" format="ass"' "$T/j1/corpus.xml" &&
  grep -q 'hand/sub/h.TextGrid" output="hand/sub/h.xml" format="textgrid"' "$T/j1/corpus.xml" &&
  grep -q 'hand/sub/i.trs" output="hand/sub/i.xml" format="trs"' "$T/j1/corpus.xml" &&
  grep -q 'hand/sub/j.eaf" output="hand/sub/j.xml" format="eaf"' "$T/j1/corpus.xml" &&
  grep -q 'hand/sub/k.exb" output="hand/sub/k.xml" format="exb"' "$T/j1/corpus.xml" && ok ||
  bad "sbv, cha, ass, TextGrid, trs, eaf and exb found and read: $(grep 'hand/sub/[deghijk]\.' "$T/j1/corpus.xml")"
grep -q '<quote>De balie was snel.</quote>' "$T/j1/hand/sub/j.xml" &&
  grep -q '<quote>De balie was snel.</quote>' "$T/j1/hand/sub/k.xml" && ok ||
  bad "an ELAN tier and an EXMARaLDA speaker's events read as one sentence"
grep -q 'hand/sub/f.txt" output="hand/sub/f.xml" format="text" date="5 april 2024"' "$T/j1/corpus.xml" && ok ||
  bad "a header 'datum bijeenkomst' dates the session: $(grep 'hand/sub/f\.' "$T/j1/corpus.xml")"
[ -f "$T/j1/hand/same.txt.xml" ] && [ -f "$T/j1/hand/same.vtt.xml" ] && [ -f "$T/j1/hand/same.vtt.txt.xml" ] &&
  [ ! -e "$T/j1/hand/same.xml" ] && ok || bad "same.txt / same.vtt keep their extensions: $(ls "$T/j1/hand")"
[ ! -e "$T/j1/hand/.hidden" ] && ok || bad "hidden directories are skipped"
grep -c '<session ' "$T/j1/corpus.xml" | grep -qx "$n_in" && ok || bad "corpus.xml lists every session"
grep -q 'source="'"$C"'/hand/a.txt" output="hand/a.xml" format="text" date="3 maart 2024" title="Spiegel test" speakers="3"' "$T/j1/corpus.xml" &&
  ok || bad "index record of a.txt: $(grep 'hand/a.txt' "$T/j1/corpus.xml")"
sort_check=$(sed -n 's/.*<session source="\([^"]*\)".*/\1/p' "$T/j1/corpus.xml")
[ "$sort_check" = "$(printf '%s\n' "$sort_check" | LC_ALL=C sort)" ] && ok || bad "index in path order"
if command -v xmllint >/dev/null; then
  check index-schema 0 xmllint --noout --relaxng docs/corpus-index.rng "$T/j1/corpus.xml"
fi
no_temp_files "after a run" "$T/j1"

# ---- resume ----------------------------------------------------------------------------------
check resume 0 "$SPIEGEL" batch -j2 -v -o "$T/j1" "$C"
expect_counts "rerun keeps everything" "0 $n_in 0"
same_tree "rerun gives the same tree" "$T/j1" "$T/j2"
f=$(cd "$C" && find gen -name '*.vtt' | head -1)
touch "$C/$f"
: >"$T/j1/hand/a.xml" # an output emptied by a crash of the machine: must not count as done
rm "$T/j1/hand/sub/b.xml"
# only an output's head is read back (its counts are on the root): one cut short after its head
# (a full disk, a crash before the writeback) and one without the root's counts (made before they
# were written) must not count as done either
set -- $(cd "$C" && find gen -name '*.txt' | LC_ALL=C sort | head -2)
cut_out=$T/j1/${1%.txt}.xml old_out=$T/j1/${2%.txt}.xml
head -c 3000 "$cut_out" >"$T/cut.xml" && cat "$T/cut.xml" >"$cut_out"
sed 's/ positives="[0-9]*" learning-points="[0-9]*" quick-wins="[0-9]*"//' "$old_out" >"$T/old.xml" &&
  cat "$T/old.xml" >"$old_out"
grep -q 'quick-wins=' "$old_out" && bad "resume: the root's counts not taken out of $old_out" || ok
check resume-some 0 "$SPIEGEL" batch -j2 -v -o "$T/j1" "$C"
expect_counts "touched, emptied, cut, countless and missing outputs are redone" "5 $((n_in - 5)) 0"
same_tree "after partial redo" "$T/j1" "$T/j2"
check force 0 "$SPIEGEL" batch -j2 -v --force -o "$T/j1" "$C"
expect_counts "--force redoes all" "$n_in 0 0"
check settings-change 0 "$SPIEGEL" batch -j2 -v --no-transcript -o "$T/j1" "$C"
expect_counts "new settings redo all" "$n_in 0 0"
grep -q '<transcript' "$T/j1/hand/a.xml" && bad "--no-transcript output still has a transcript" || ok
check settings-back 0 "$SPIEGEL" batch -j2 -v -o "$T/j1" "$C"
expect_counts "settings back: all redone" "$n_in 0 0"
same_tree "after settings went back" "$T/j1" "$T/j2"

# ---- a bad file among good ones --------------------------------------------------------------
B=$T/extra
mkdir -p "$B/sub"
: >"$B/empty.txt"
printf '\000\001\002binary\000\377' >"$B/binary.srt"
printf 'Mevrouw K.: goed\nMeneer B.: \377\376 kapot\n' >"$B/sub/latin.txt"
cp "$C/hand/a.txt" "$B/good.txt"
check bad-files 1 "$SPIEGEL" batch -j2 -q -o "$T/bad" "$C" "$B" "$T/does-not-exist.txt"
grep -q "^spiegel: $B/empty.txt: " "$T/err" && ok || bad "stderr names the empty file: $(cat "$T/err")"
grep -q "^spiegel: $T/does-not-exist.txt: cannot open" "$T/err" && ok || bad "stderr names the missing file"
grep -q "<error source=\"$B/empty.txt\" status=\"empty\"" "$T/bad/corpus.xml" && ok ||
  bad "corpus.xml has the empty file's error: $(grep '<error' "$T/bad/corpus.xml")"
grep -q "<error source=\"$B/binary.srt\" status=\"binary\"" "$T/bad/corpus.xml" && ok || bad "binary file's error"
grep -q "<error source=\"$T/does-not-exist.txt\" status=\"io\"" "$T/bad/corpus.xml" && ok || bad "missing file's error"
grep -q 'errors="[34]"' "$T/bad/corpus.xml" && ok || bad "the index counts the errors: $(sed -n 2p "$T/bad/corpus.xml")"
[ -f "$T/bad/extra/good.xml" ] && ok || bad "several directories: each keeps its name (extra/good.xml)"
same_tree "good outputs unaffected by bad ones" "$T/bad/corpus" "$T/j1" -x corpus.xml -x .spiegel-batch
check bad-rerun 1 "$SPIEGEL" batch -j2 -v -o "$T/bad" "$C" "$B" "$T/does-not-exist.txt"
[ "$(counts | cut -d' ' -f3)" -ge 3 ] && ok || bad "failures are retried and reported again: $(counts)"
cp "$C/hand/a.txt" "$B/empty.txt" # fixed
check bad-fixed 1 "$SPIEGEL" batch -j2 -q -o "$T/bad" "$C" "$B" "$T/does-not-exist.txt"
[ -f "$T/bad/extra/empty.xml" ] && ok || bad "a fixed input is analysed on the next run"
: >"$B/empty.txt" # broken again: its old output must go
check bad-again 1 "$SPIEGEL" batch -j2 -q -o "$T/bad" "$C" "$B"
[ ! -e "$T/bad/extra/empty.xml" ] && ok || bad "the output of an input that now fails is removed"
no_temp_files "after failures" "$T/bad"

# ---- atomic outputs and kill -9 -----------------------------------------------------------------
K=$T/bigcorpus
"$PY" bench/gen_corpus.py --mb 12 --min-kb 20 --max-kb 60 --seed kill --out "$K" -q
check reference 0 "$SPIEGEL" batch -j1 -q -o "$T/k-ref" "$K"
"$SPIEGEL" batch -j2 -q -o "$T/k" "$K" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 2000 ] && [ -z "$(find "$T/k" -name '*.xml' 2>/dev/null | head -1)" ]; do
  sleep 0.01
  i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
st=$?
[ "$st" = 137 ] && ok || bad "kill -9 landed in the middle of the batch (status $st; the corpus is too small for this machine?)"
[ ! -e "$T/k/corpus.xml" ] && ok || bad "a killed run wrote no index"
done_before=$(find "$T/k" -name '*.xml' | wc -l)
# what a kill during a write leaves: a temporary file beside a target of this run
any=$(cd "$T/k-ref" && find . -name '*.xml' ! -name corpus.xml | tail -1)
mkdir -p "$(dirname "$T/k/$any")"
echo '<session' >"$T/k/$any.tmp.AbC123"
echo 'foreign' >"$T/k/not-ours.xml.tmp.XyZ789" # another shard's (or program's): left alone
check after-kill 0 "$SPIEGEL" batch -j2 -v -o "$T/k" "$K"
kept=$(counts | cut -d' ' -f2)
[ "${kept:-0}" -ge 1 ] && [ "${kept:-0}" -le "$done_before" ] && ok ||
  bad "the rerun kept the outputs finished before the kill ($kept kept, $done_before existed)"
[ -f "$T/k/not-ours.xml.tmp.XyZ789" ] && ok || bad "a temporary file of another run was removed"
rm -f "$T/k/not-ours.xml.tmp.XyZ789"
same_tree "killed and resumed == uninterrupted" "$T/k" "$T/k-ref"
no_temp_files "after resume" "$T/k"

# ---- shards and merge ---------------------------------------------------------------------------
for i in 1 2 3; do
  check "shard $i/3" 0 "$SPIEGEL" batch -q --shard $i/3 -o "$T/s$i" "$C"
  check "shared shard $i/3" 0 "$SPIEGEL" batch -q --shard $i/3 -o "$T/shared" "$C"
done
[ -f "$T/s1/corpus-1-of-3.xml" ] && [ ! -e "$T/s1/corpus.xml" ] && ok || bad "a shard writes corpus-I-of-N.xml"
n1=$(grep -c '<session ' "$T/s1/corpus-1-of-3.xml")
n2=$(grep -c '<session ' "$T/s2/corpus-2-of-3.xml")
n3=$(grep -c '<session ' "$T/s3/corpus-3-of-3.xml")
[ $((n1 + n2 + n3)) = "$n_in" ] && [ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] && [ "$n3" -gt 0 ] && ok ||
  bad "shards split the inputs ($n1 + $n2 + $n3 != $n_in)"
check merge 0 "$SPIEGEL" merge -o "$T/merged.xml" "$T/s1" "$T/s2" "$T/s3"
same_file "merge of 3 shards == single run" "$T/merged.xml" "$T/j1/corpus.xml"
check merge-files 0 "$SPIEGEL" merge -o "$T/merged2.xml" "$T/s3/corpus-3-of-3.xml" "$T/s1/corpus-1-of-3.xml" "$T/s2/corpus-2-of-3.xml"
same_file "merge in any order" "$T/merged2.xml" "$T/j1/corpus.xml"
mkdir -p "$T/union"
for i in 1 2 3; do cp -r "$T/s$i/." "$T/union/"; done
rm -f "$T/union"/corpus-*-of-3.xml
cp "$T/merged.xml" "$T/union/corpus.xml"
same_tree "shards' outputs == single run's" "$T/union" "$T/j1"
check merge-shared 0 "$SPIEGEL" merge "$T/shared"
same_tree "shards in one shared directory" "$T/shared" "$T/j1" -x 'corpus-*-of-3.xml'
# new settings in a shared directory: the shard that starts after another rewrote the stamp
# must still redo its own old outputs
check shared-new-1 0 "$SPIEGEL" batch -q --no-transcript --shard 1/3 -o "$T/shared" "$C"
check shared-new-2 0 "$SPIEGEL" batch -v --no-transcript --shard 2/3 -o "$T/shared" "$C"
expect_counts "second shard after a stamp change redoes its share" "$n2 0 0"
check merge-missing 1 "$SPIEGEL" merge -o "$T/m.xml" "$T/s1" "$T/s3"
grep -q "shard 2/3 is missing" "$T/err" && ok || bad "merge names the missing shard: $(cat "$T/err")"
check merge-twice 1 "$SPIEGEL" merge -o "$T/m.xml" "$T/s1" "$T/s2" "$T/s3" "$T/s1/corpus-1-of-3.xml"
check merge-settings 0 "$SPIEGEL" batch -q --no-transcript --shard 2/3 -o "$T/s2x" "$C"
check merge-other-settings 1 "$SPIEGEL" merge -o "$T/m.xml" "$T/s1" "$T/s2x" "$T/s3"
grep -q "other settings" "$T/err" && ok || bad "merge refuses other settings: $(cat "$T/err")"
[ ! -e "$T/m.xml" ] && ok || bad "a failed merge writes nothing"
# a shard of another input list (here: the corpus given with a trailing "/."), same settings
check merge-inputs-shard 0 "$SPIEGEL" batch -q --shard 2/3 -o "$T/s2o" "$C/."
check merge-other-inputs 1 "$SPIEGEL" merge -o "$T/m.xml" "$T/s1" "$T/s2o" "$T/s3"
grep -q "other inputs" "$T/err" && ok || bad "merge refuses shards of other inputs: $(cat "$T/err")"
for i in 1 2 3; do "$SPIEGEL" batch -q --shard $i/3 -o "$T/bs$i" "$C" "$B" >/dev/null 2>&1; done
check merge-with-errors 1 "$SPIEGEL" merge -o "$T/mb.xml" "$T/bs1" "$T/bs2" "$T/bs3"
"$SPIEGEL" batch -q -o "$T/bsingle" "$C" "$B" >/dev/null 2>&1
same_file "merge with errors == single run" "$T/mb.xml" "$T/bsingle/corpus.xml"

# ---- lists of inputs (--files-from) -----------------------------------------------------------
# A list made by find, of absolute paths: every output lands at the listed path under OUTDIR and
# is the walk's output byte for byte (the source is the same path); by lines and NUL-ended alike.
list_c() { find "$C" -path '*/.*' -prune -o \( -name '*.txt' -o -name '*.vtt' -o -name '*.srt' -o -name '*.sbv' -o -name '*.cha' -o -name '*.ass' -o -name '*.ssa' -o -name '*.TextGrid' -o -name '*.trs' -o -name '*.eaf' -o -name '*.exb' \) "$@"; }
list_c -print >"$T/list.txt"
check files-from 0 "$SPIEGEL" batch -q --files-from "$T/list.txt" -o "$T/l1"
same_tree "--files-from == a walk (outputs)" "$T/l1/${C#/}" "$T/j1" -x corpus.xml -x .spiegel-batch
list_c -print0 | "$SPIEGEL" batch -q -0 --files-from - -o "$T/l0" >"$T/out" 2>"$T/err"
[ $? = 0 ] && ok || bad "--null --files-from -: $(head -3 "$T/err")"
same_tree "--null list from standard input == a list by lines" "$T/l0" "$T/l1"
grep -c '<session ' "$T/l1/corpus.xml" | grep -qx "$n_in" && ok || bad "the list's index lists every session"
check files-from-resume 0 "$SPIEGEL" batch -v --files-from "$T/list.txt" -o "$T/l1"
expect_counts "a list run again keeps everything" "0 $n_in 0"
# shards of one list, merged: the single run's index
for i in 1 2; do "$SPIEGEL" batch -q --shard $i/2 --files-from "$T/list.txt" -o "$T/ls" >/dev/null 2>&1; done
check files-from-merge 0 "$SPIEGEL" merge "$T/ls"
same_file "shards of a list merged == one run" "$T/ls/corpus.xml" "$T/l1/corpus.xml"
# Relative paths as listed from the directory above the corpus ("./", doubled slashes, a CR
# before the newline, blank lines, a directory walked); a path that does not exist and one that
# climbs out of the list's directory are failed inputs naming the list's line; the others go on.
mkdir -p "$T/up/in"
cp "$C/hand/a.txt" "$T/up/in/a.txt"
cp -r "$C/hand/sub" "$T/up/in/sub"
printf './in//a.txt\r\n\n  \nin/sub\nin/nothing.txt\n../up/in/a.txt\n' >"$T/up/list"
(cd "$T/up" && "$SPIEGEL" batch -q --files-from list -o out) >"$T/out" 2>"$T/err"
[ $? = 1 ] && ok || bad "a list with a missing path: exit 1 expected"
[ -s "$T/up/out/in/a.xml" ] && [ -s "$T/up/out/in/sub/b.xml" ] && [ -s "$T/up/out/in/sub/c.xml" ] &&
  ok || bad "listed paths land at their place under OUTDIR: $(cd "$T/up/out" && find . -type f)"
grep -q 'source="in/nothing.txt" status="io">cannot open (listed at list:5)' "$T/up/out/corpus.xml" &&
  ok || bad "a missing listed path names the list's line: $(grep '<error' "$T/up/out/corpus.xml")"
grep -q 'source="../up/in/a.txt" status="usage">listed at list:6, climbs above' "$T/up/out/corpus.xml" &&
  ok || bad "a path above the list's directory is refused: $(grep '<error' "$T/up/out/corpus.xml")"
grep -q 'list:5' "$T/err" && ok || bad "the failure is on stderr too"
if command -v xmllint >/dev/null; then
  check files-from-schema 0 xmllint --noout --relaxng docs/corpus-index.rng "$T/up/out/corpus.xml"
fi
# A list that is not one stops the run before anything is analysed, naming where
printf 'in/a.txt\000in/sub\n' | (cd "$T/up" && "$SPIEGEL" batch -q --files-from - -o out2) >"$T/out" 2>"$T/err"
[ $? = 2 ] && ok || bad "a NUL byte in a line: exit 2 expected"
grep -q 'standard input:1: a NUL byte.*--null' "$T/err" && ok || bad "NUL byte in a list: $(cat "$T/err")"
[ -z "$(find "$T/up/out2" -name '*.xml' 2>/dev/null)" ] && ok || bad "a bad list analysed something"
check files-from-missing-list 1 "$SPIEGEL" batch --files-from "$T/no-such-list" -o "$T/up/out3"
grep -q 'no-such-list: cannot open the list of inputs' "$T/err" && ok || bad "a missing list: $(cat "$T/err")"
check null-without-list 2 "$SPIEGEL" batch -0 -o "$T/x" "$C"

# ---- the recipes of docs/scale-out.md, as written --------------------------------------------
# recipe KEYWORD: the first ```sh block after the "<!-- tested (KEYWORD)" line
recipe() {
  awk -v key="<!-- tested ($1)" 'index($0, key) == 1 { found = 1; next }
    found && /^```sh/ { inside = 1; next } inside && /^```/ { exit } inside { print }' docs/scale-out.md
}
mkdir -p "$T/bin"
ln -sf "$SPIEGEL" "$T/bin/spiegel"
recipe parallel >"$T/parallel.sh"
recipe slurm >"$T/slurm.sh"
grep -q 'parallel --sshloginfile' "$T/parallel.sh" && ok || bad "the GNU parallel recipe is found in docs/scale-out.md"
grep -q 'SLURM_ARRAY_TASK_ID' "$T/slurm.sh" && ok || bad "the Slurm recipe is found in docs/scale-out.md"
if command -v parallel >/dev/null; then
  mkdir -p "$T/gp"
  echo ':' >"$T/gp/hosts.txt"
  (cd "$T/gp" && PATH="$T/bin:$PATH" CORPUS="$C" OUT="$T/gp/out" N=3 sh "$T/parallel.sh") \
    >"$T/out" 2>"$T/err" </dev/null
  st=$?
  [ $st = 0 ] && ok || { bad "GNU parallel recipe: exit $st"; head -20 "$T/err"; }
  same_file "GNU parallel recipe == single run" "$T/gp/out/corpus.xml" "$T/j1/corpus.xml"
  same_tree "GNU parallel recipe outputs" "$T/gp/out" "$T/j1" -x 'corpus-*-of-3.xml'
else
  bad "GNU parallel is not installed (make deps installs the Debian package parallel)"
fi
for i in 1 2 3; do
  PATH="$T/bin:$PATH" CORPUS="$C" OUT="$T/slurm" SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=3 \
    SLURM_CPUS_PER_TASK=1 sh "$T/slurm.sh" >"$T/out" 2>"$T/err" || bad "Slurm task $i: $(cat "$T/err")"
done
check slurm-merge 0 "$SPIEGEL" merge "$T/slurm"
same_tree "Slurm recipe == single run" "$T/slurm" "$T/j1" -x 'corpus-*-of-3.xml'

# Drop-behind (engine/batch.c): once their writeback is done, a worker's earlier outputs are
# not kept in the page cache; at most the last 16 per worker are. Checked with fincore
# (util-linux-extra) where the page cache can drop pages (not on tmpfs).
fs=$(stat -f -c %T "$T" 2>/dev/null)
if command -v fincore >/dev/null && [ "$fs" != tmpfs ] && [ "$fs" != ramfs ]; then
  check drop-behind-run 0 "$SPIEGEL" batch -q -j1 "$C" -o "$T/drop"
  find "$T/drop" -name '*.xml' ! -name 'corpus.xml' >"$T/drop.list"
  total=$(wc -l <"$T/drop.list")
  cached=$(tr '\n' '\0' <"$T/drop.list" | xargs -0 fincore --noheadings --bytes --output RES |
    awk '$1 > 0 { n++ } END { print n + 0 }')
  if [ "$total" -gt 24 ] && [ "$cached" -le 16 ]; then ok; else
    bad "drop-behind: $cached of $total outputs still in the page cache (at most 16 expected)"; fi
else
  echo "skip: drop-behind check (no fincore, or $T is on $fs)"
fi

# A low limit on open files (1,024 is a common default; here 100, for 32 workers): drop-behind
# keeps its descriptors under half of the limit, so no input or output fails for want of one
# (with 16 per worker, 32 workers used to hold them all: "cannot open: Too many open files").
(ulimit -n 100 && exec "$SPIEGEL" batch -q -j32 "$C" -o "$T/nofile") >"$T/out" 2>"$T/err"
st=$?
[ "$st" = 0 ] && ok || { bad "100 open files, -j32: exit $st"; head -3 "$T/err"; }
same_tree "100 open files, -j32 vs -j1" "$T/j1" "$T/nofile"

# A file name that is not UTF-8 (Latin-1 names on old shares): the input is analysed, its output
# keeps the name, and corpus.xml stays XML (the name's ill-formed byte reads U+FFFD there, in
# source and output alike, and source-bytes and output-bytes give the bytes), valid, and merged
# from shards byte for byte: two names that differ only in that byte are two entries, in the
# same order (and a name with a valid character that sorts between them).
L=$T/latin1
mkdir -p "$L/in"
cp "$C/hand/a.txt" "$L/in/$(printf 'caf\351.txt')"
cp "$C/hand/a.txt" "$L/in/$(printf 'caf\352.txt')"
cp "$C/hand/a.txt" "$L/in/$(printf 'caf\352\200\200.txt')"
cp "$C/hand/a.txt" "$L/in/100%.txt"
cp "$C/hand/sub/b.vtt" "$L/in/plain.vtt"
check latin1-name 0 "$SPIEGEL" batch -q "$L/in" -o "$L/out"
[ -f "$L/out/$(printf 'caf\351.xml')" ] && ok || bad "latin1 name: output not under the input's own name"
xmllint --noout --relaxng docs/corpus-index.rng "$L/out/corpus.xml" >"$T/out" 2>&1 && ok ||
  bad "latin1 name: corpus.xml not valid: $(head -3 "$T/out")"
grep -q "output=\"caf$(printf '\357\277\275').xml\" output-bytes=\"caf%E9.xml\"" "$L/out/corpus.xml" && ok ||
  bad "latin1 name: output attributes not caf U+FFFD .xml and caf%E9.xml"
grep -q "source-bytes=\"$L/in/caf%EA.txt\"" "$L/out/corpus.xml" && ok ||
  bad "latin1 name: no source-bytes for caf\\352.txt"
[ "$(grep -c 'source-bytes=' "$L/out/corpus.xml")" = 2 ] && ok ||
  bad "latin1 name: source-bytes on names that XML carries as they are (100%, a valid character)"
[ "$(grep -c '<session ' "$L/out/corpus.xml")" = 5 ] && ok || bad "latin1 name: not five sessions"
check latin1-shard1 0 "$SPIEGEL" batch -q --shard 1/3 "$L/in" -o "$L/s1"
check latin1-shard2 0 "$SPIEGEL" batch -q --shard 2/3 "$L/in" -o "$L/s2"
check latin1-shard3 0 "$SPIEGEL" batch -q --shard 3/3 "$L/in" -o "$L/s3"
check latin1-merge 0 "$SPIEGEL" merge -o "$L/merged.xml" "$L/s1" "$L/s2" "$L/s3"
same_file "latin1 name: merge == single run" "$L/merged.xml" "$L/out/corpus.xml"
# bytes that do not stand for the shown name: the index is refused
for x in s1 s2 s3; do
  sed "s|in/caf%E9|in/cab%E9|" "$L/$x/corpus-${x#s}-of-3.xml" >"$L/t-$x.xml"
done
check latin1-forged 1 "$SPIEGEL" merge -o "$L/forged.xml" "$L/t-s1.xml" "$L/t-s2.xml" "$L/t-s3.xml"
grep -q "incomplete <session> record" "$T/err" && ok || bad "latin1 name: forged bytes not refused: $(cat "$T/err")"

# ---- awkward inputs and names (found by an adversarial audit) -------------------------------
A=$T/awkward
mkdir -p "$A/top" "$A/fifo"
cp "$C/hand/a.txt" "$A/top/corpus.txt"
cp "$C/hand/sub/b.vtt" "$A/top/corpus-1-of-2.vtt"
cp "$C/hand/sub/c.srt" "$A/top/plain.srt"
# An input named corpus.txt at the top would write its session where the index goes.
check reserved-names 0 "$SPIEGEL" batch -q "$A/top" -o "$A/o1"
[ -f "$A/o1/corpus.txt.xml" ] && [ -f "$A/o1/corpus-1-of-2.vtt.xml" ] && ok ||
  bad "reserved names: corpus.txt / corpus-1-of-2.vtt not written as NAME.EXT.xml: $(ls "$A/o1")"
[ "$(grep -c '<session ' "$A/o1/corpus.xml")" = 3 ] && ok || bad "reserved names: the index lost a session"
check reserved-names-again 0 "$SPIEGEL" batch -v "$A/top" -o "$A/o1"
expect_counts "reserved names: a rerun keeps all" "0 3 0"
# One file by two paths is one input, not a clash of outputs.
(cd "$A" && "$SPIEGEL" batch -q top/plain.srt ./top/plain.srt "$A/top/plain.srt" -o o2) >"$T/out" 2>"$T/err"
st=$?
[ "$st" = 0 ] && ok || { bad "one file by three paths: exit $st"; head -3 "$T/err"; }
[ "$(grep -c '<session ' "$A/o2/corpus.xml")" = 1 ] && ok || bad "one file by three paths: not one session"
(cd "$A" && "$SPIEGEL" batch -q top ./top -o o3) >"$T/out" 2>"$T/err"
st=$?
[ "$st" = 0 ] && [ "$(grep -c '<session ' "$A/o3/corpus.xml")" = 3 ] && ok ||
  { bad "a directory by two paths: exit $st, $(grep -c '<session ' "$A/o3/corpus.xml") sessions"; head -3 "$T/err"; }
# A FIFO given by name, with no writer: read as empty, not waited on for ever.
mkfifo "$A/fifo/pipe.txt"
timeout -k 10 60 "$SPIEGEL" batch -q -j2 "$A/fifo/pipe.txt" "$C/hand/a.txt" -o "$A/o4" >"$T/out" 2>"$T/err"
st=$?
[ "$st" = 1 ] && ok || bad "fifo: exit $st, expected 1 (empty) without hanging"
grep -q 'status="empty"' "$A/o4/corpus.xml" && [ -f "$A/o4/a.xml" ] && ok || bad "fifo: not reported empty, or the other input not done"
# A name of 251 bytes: its temporary name would be too long for the file system; and the temporary
# file such a run leaves when killed is swept by the next.
long=$(printf 'l%.0s' $(seq 251))
mkdir -p "$A/long"
cp "$C/hand/a.txt" "$A/long/$long.txt"
check long-name 0 "$SPIEGEL" batch -q --csv "$A/long" -o "$A/o5"
[ -f "$A/o5/$long.xml" ] && [ -f "$A/o5/$long.csv" ] && ok || bad "long name: no output"
stem=$(printf 'l%.0s' $(seq 227)) # what fits beside "~HASH.tmp.XXXXXX" in 255 bytes
touch "$A/o5/$stem~0000000000000000.tmp.AAAAAA"
h=$("$PY" -c 'import sys
h = 14695981039346656037
for c in sys.argv[1].encode(): h = ((h ^ c) * 1099511628211) % 2**64
print("%016x" % h)' "$long.xml")
touch "$A/o5/$stem~$h.tmp.BBBBBB"
check long-name-again 0 "$SPIEGEL" batch -q --csv "$A/long" -o "$A/o5"
[ ! -e "$A/o5/$stem~$h.tmp.BBBBBB" ] && ok || bad "long name: a killed run's temporary file not swept"
[ -e "$A/o5/$stem~0000000000000000.tmp.AAAAAA" ] && ok || bad "long name: another name's temporary file swept"
# A CSV cut short or emptied after a crash is not kept as up to date.
check csv-ref 0 "$SPIEGEL" batch -q --csv "$A/top" -o "$A/o6"
cp "$A/o6/corpus.csv" "$T/ref.csv"
: >"$A/o6/plain.csv"
touch -r "$A/o6/plain.xml" "$A/o6/plain.csv"
head -c 300 "$A/o6/corpus.txt.csv" >"$T/cut.csv"
cat "$T/cut.csv" >"$A/o6/corpus.txt.csv"
touch -r "$A/o6/corpus.txt.xml" "$A/o6/corpus.txt.csv"
check csv-cut 0 "$SPIEGEL" batch -v --csv "$A/top" -o "$A/o6"
expect_counts "emptied and cut CSVs are redone" "2 1 0"
same_file "emptied and cut CSVs: corpus.csv as before" "$T/ref.csv" "$A/o6/corpus.csv"
# Shards starting together in one directory: a shard's sweep leaves the shared stamp's temporary
# file alone while it is fresh (another shard is writing it), and removes it once an hour old.
mkdir -p "$A/o7"
touch "$A/o7/.spiegel-batch.tmp.FRESH1"
touch -d '2 hours ago' "$A/o7/.spiegel-batch.tmp.OLD111"
check shard-stamp 0 "$SPIEGEL" batch -q --shard 1/2 "$A/top" -o "$A/o7"
[ -e "$A/o7/.spiegel-batch.tmp.FRESH1" ] && ok || bad "shard: another shard's fresh stamp file swept"
[ ! -e "$A/o7/.spiegel-batch.tmp.OLD111" ] && ok || bad "shard: an hour-old stamp file not swept"
# An output directory whose parents are missing is made with them.
check outdir-parents 0 "$SPIEGEL" batch -q "$A/top" -o "$A/new/a/b/c"
[ -f "$A/new/a/b/c/corpus.xml" ] && ok || bad "outdir parents: no index"
# An input that grows while it is analysed: once it stops changing, a rerun gives an output of
# its final text (the first run's output, written after the change, must not pass as up to date).
"$PY" -c 'import sys
s = "Het gesprek was heel prettig maar de wachttijd was veel te lang.\n"
open(sys.argv[1], "w").write("".join("Deelnemer %d: %s" % (i % 7, s) for i in range(300000)))' "$A/grow.txt"
"$SPIEGEL" batch -q "$A/grow.txt" -o "$A/o8" >"$T/out" 2>"$T/err" &
pid=$!
sleep 0.3
echo 'Deelnemer 99: Dit kwam er later bij.' >>"$A/grow.txt"
wait $pid
"$SPIEGEL" batch -q "$A/grow.txt" -o "$A/o8" >"$T/out" 2>"$T/err"
grep -q 'Dit kwam er later bij' "$A/o8/grow.xml" && ok || bad "grown input: a rerun kept an output without its last line"
rm -f "$A/grow.txt"

# ---- lists beyond their memory ----------------------------------------------------------------
# --sort-memory 4K: every list of the run (inputs found, grouped for naming, named, to do, done)
# and merge's records spill to a temporary file in runs and are merged back (engine/spool.c).
# Nothing may change: the outputs and the index are those of a run in memory, from one run and
# from shards merged, with names that clash (x.txt, x.vtt, x.vtt.srt), a reserved name, a file
# given twice and failures among them; no temporary file is left (they never have a name).
S=$T/spill
mkdir -p "$S/in/d"
cp "$C/hand/a.txt" "$S/in/d/x.txt"
cp "$C/hand/sub/b.vtt" "$S/in/d/x.vtt"
cp "$C/hand/sub/c.srt" "$S/in/d/x.vtt.srt"
cp "$C/hand/a.txt" "$S/in/corpus.txt"
"$SPIEGEL" batch -q -j2 -o "$S/mem" "$C" "$B" "$S/in" "$S/in/d/x.txt" "$A/top" >/dev/null 2>&1
check spilled-run 1 "$SPIEGEL" batch -q -j2 --sort-memory 4K -o "$S/disk" "$C" "$B" "$S/in" "$S/in/d/x.txt" "$A/top"
same_tree "lists spilled to disk == in memory" "$S/disk" "$S/mem"
[ -f "$S/mem/in/d/x.vtt.srt.xml" ] && [ -f "$S/mem/in/d/x.txt.xml" ] && ok ||
  bad "spilled: names that clash not kept apart: $(ls "$S/mem/in/d")"
for i in 1 2 3; do # status 1 for the shards that hold a failed input
  "$SPIEGEL" batch -q --sort-memory 4K --shard $i/3 -o "$S/s$i" "$C" "$B" "$S/in" "$S/in/d/x.txt" "$A/top" >"$T/out" 2>"$T/err"
  st=$?
  [ "$st" -le 1 ] && [ -f "$S/s$i/corpus-$i-of-3.xml" ] && ok || bad "spilled shard $i/3: exit $st, or no index"
done
check spilled-merge 1 "$SPIEGEL" merge --sort-memory 4K -o "$S/merged.xml" "$S/s1" "$S/s2" "$S/s3"
same_file "spilled shards merged == in memory" "$S/merged.xml" "$S/mem/corpus.xml"
check spilled-merge-twice 1 "$SPIEGEL" merge --sort-memory 4K -o "$S/m2.xml" "$S/mem/corpus.xml" "$S/disk/corpus.xml"
grep -q "is in more than one index" "$T/err" && [ ! -e "$S/m2.xml" ] && ok ||
  bad "spilled merge: a record in two indexes not refused: $(cat "$T/err")"
left=$(find "$S" -name '.spiegel-spool*' -o -name '*.tmp.*' | head -3)
[ -z "$left" ] && ok || bad "spilled: temporary files left: $left"
check bad-sort-memory 2 "$SPIEGEL" batch --sort-memory 1K -o "$T/x" "$C"
check bad-sort-memory-unit 2 "$SPIEGEL" batch --sort-memory 4T -o "$T/x" "$C"
check bad-merge-sort-memory 2 "$SPIEGEL" merge --sort-memory lots "$S/s1"

# ---- the walk ------------------------------------------------------------------------------------
# A directory's files go into the list as they are read (in the directory's own order, not by
# name) and only its subdirectories' names are kept: the list sorts them. Links to files are
# followed, links to directories never (no loop), a broken link is a failure, names starting
# with a dot and names that are no transcript are left out. And a flat directory of 600 files,
# walked while its list spills (--sort-memory 4K), gives the index of a run in memory.
W=$T/walk
mkdir -p "$W/in/sub" "$W/in/.hidden" "$W/outside"
cp "$C/hand/a.txt" "$W/in/a.txt"
cp "$C/hand/sub/b.vtt" "$W/in/sub/b.vtt"
cp "$C/hand/a.txt" "$W/in/.hidden/h.txt"
cp "$C/hand/sub/c.srt" "$W/outside/o.srt"
cp "$C/hand/a.txt" "$W/outside/notes.md"
ln -s ../outside/o.srt "$W/in/linked.srt"
ln -s ../outside "$W/in/dirlink"
ln -s ../outside "$W/in/dirlink.txt"
ln -s . "$W/in/loop"
ln -s nowhere.txt "$W/in/broken.txt"
ln -s ../outside/notes.md "$W/in/notes-link.md"
check walk-links 1 "$SPIEGEL" batch -q -o "$W/out" "$W/in"
got=$(sed -n 's/.*<\(session\|error\) source="[^"]*\/in\/\([^"]*\)".*/\2/p' "$W/out/corpus.xml" | tr '\n' ' ')
[ "$got" = "a.txt broken.txt linked.srt sub/b.vtt " ] && ok ||
  bad "walk: links, dot names, other names: the index lists '$got'"
grep -q 'broken.txt.*cannot open' "$W/out/corpus.xml" && ok || bad "walk: a broken link is not a failure"
[ ! -e "$W/out/dirlink" ] && [ ! -e "$W/out/dirlink.txt" ] && [ ! -e "$W/out/loop" ] && ok ||
  bad "walk: a link to a directory was followed"
mkdir -p "$W/flat"
i=0
while [ $i -lt 600 ]; do
  printf 'Gespreksleider: Welkom.\nMevrouw %d: De zorg was goed maar het wachten duurde lang.\n' $i >"$W/flat/m$i.txt"
  i=$((i + 1))
done
"$SPIEGEL" batch -q -o "$W/flat-mem" "$W/flat" >/dev/null 2>&1
check walk-flat-spilled 0 "$SPIEGEL" batch -q -j2 --sort-memory 4K -o "$W/flat-disk" "$W/flat"
same_tree "a flat directory walked while its list spills == in memory" "$W/flat-disk" "$W/flat-mem"
sort_check=$(sed -n 's/.*<session source="\([^"]*\)".*/\1/p' "$W/flat-disk/corpus.xml")
[ "$sort_check" = "$(printf '%s\n' "$sort_check" | LC_ALL=C sort)" ] && [ "$(printf '%s\n' "$sort_check" | wc -l)" = 600 ] &&
  ok || bad "a flat directory: the index is not in source order, or not every file is in it"

# bench/ab.py, the A/B comparison of engines: the same binary twice writes the same bytes; one
# that writes other XML (here: without the transcript) is caught, exit status 1.
check ab-same 0 "$PY" bench/ab.py -n 2 -o "$T/ab" "$C/hand" "$SPIEGEL" "$SPIEGEL"
grep -q "outputs identical" "$T/out" && ok || bad "ab.py: no 'outputs identical': $(cat "$T/out")"
# each run wrote a directory of its own, all removed at the end
if ls "$T" | grep -q '^ab\.'; then bad "ab.py left outputs: $(ls "$T" | grep '^ab\.')"; else ok; fi
printf '#!/bin/sh\nexec "%s" "$@" --no-transcript\n' "$SPIEGEL" >"$T/other-engine"
chmod +x "$T/other-engine"
check ab-differ 1 "$PY" bench/ab.py -n 1 -o "$T/ab" "$C/hand" "$SPIEGEL" "$T/other-engine"
grep -q "OUTPUTS DIFFER" "$T/out" && ok || bad "ab.py: differing outputs not reported: $(cat "$T/out")"

# An output that cannot be made (a file stands where the directory hand/sub/ goes) fails those
# inputs alone, naming the output and the cause; the others are written, nothing temporary is
# left, exit status 1.
mkdir -p "$T/blocked"
: >"$T/blocked/sub"
"$SPIEGEL" batch -q -j2 "$C/hand" -o "$T/blocked" >"$T/out" 2>"$T/err"
st=$?
[ "$st" = 1 ] && ok || bad "blocked directory: exit $st, expected 1"
grep -q "blocked/sub/b.xml: cannot write: Not a directory" "$T/err" && ok ||
  bad "blocked directory: no message naming the output and the cause: $(head -3 "$T/err")"
[ -s "$T/blocked/a.xml" ] && xmllint --noout "$T/blocked/a.xml" && ok ||
  bad "blocked directory: the other inputs were not written"
left=$(find "$T/blocked" -name '*.tmp.*' | wc -l)
[ "$left" = 0 ] && ok || bad "blocked directory: $left temporary files left"

# A disk that fills up during the run (engine/output.c writes behind the worker's back, so the
# failure reaches the input's record from the writer thread): the run ends with status 1, the
# failures name the cause, no temporary file is left, and every output that is there is whole.
# Needs root and a mount of its own (a small tmpfs); skipped where that is not allowed.
SMALL=$T/small
mkdir -p "$SMALL"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=2m spiegel-test "$SMALL" 2>/dev/null; then
  "$SPIEGEL" batch -q -j2 "$C" -o "$SMALL/out" >"$T/out" 2>"$T/err"
  st=$?
  [ "$st" = 1 ] && ok || bad "disk full: exit $st, expected 1"
  grep -q "No space left on device" "$T/err" && ok || bad "disk full: no ENOSPC message: $(head -3 "$T/err")"
  left=$(find "$SMALL" -name '*.tmp.*' | wc -l)
  [ "$left" = 0 ] && ok || bad "disk full: $left temporary files left"
  whole=1
  for x in $(find "$SMALL/out" -name '*.xml' ! -name 'corpus.xml'); do
    xmllint --noout "$x" 2>/dev/null || { whole=0; echo "  not whole: $x"; }
  done
  [ "$whole" = 1 ] && ok || bad "disk full: an output is there but not whole"
  umount "$SMALL"
else
  echo "skip: disk-full check (needs root and a tmpfs mount)"
fi

echo "batch: $pass passed, $fail failed"
[ "$fail" = 0 ]
