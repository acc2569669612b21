#!/bin/sh
# cli.sh — the spiegel command as a user meets it: help, exit status, error messages naming
# file and line, standard input, atomic output, a full disk, a bad file in a corpus.
# SPIEGEL names the binary (default build/spiegel).
set -u
SPIEGEL=${SPIEGEL:-build/spiegel}
T=build/cli-test
PY=/usr/bin/python3 # Debian's, whatever python3 comes first on PATH
[ -x "$PY" ] || PY=python3
rm -rf "$T"; mkdir -p "$T"
pass=0 fail=0
ok()   { pass=$((pass + 1)); }
bad()  { echo "FAIL: $1"; fail=$((fail + 1)); }
check() { # check NAME EXPECTED_STATUS COMMAND...
  name=$1 want=$2; shift 2
  "$@" >"$T/out" 2>"$T/err"; got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$name: exit $got, expected $want"; cat "$T/err"; fi
}
good=$T/good.txt
printf '# titel: test\nGespreksleider: Welkom allemaal.\nMevrouw K.: De verpleegkundigen waren heel vriendelijk.\nMeneer B.: Ik moest erg lang wachten.\n' >"$good"

check help 0 "$SPIEGEL" --help
grep -q "exit status" "$T/out" && ok || bad "help text documents the exit status"
check version 0 "$SPIEGEL" --version
grep -q "^spiegel [0-9]" "$T/out" && ok || bad "version printed"
check no-command 2 "$SPIEGEL"
check unknown-option 2 "$SPIEGEL" analyze --frobnicate "$good"
check unknown-command 2 "$SPIEGEL" frobnicate
check bad-format 2 "$SPIEGEL" analyze --format docx "$good"
check missing-value 2 "$SPIEGEL" analyze "$good" -o
# options only analyze honours are refused by the other commands, never silently ignored (a
# split asked to --pseudonymise printed the names)
check split-pseudonymise 2 "$SPIEGEL" split --pseudonymise "$good"
[ ! -s "$T/out" ] && grep -q "applies to analyze" "$T/err" && ok || bad "split --pseudonymise: $(cat "$T/err")"
check explain-pseudonymise 2 "$SPIEGEL" explain --pseudonymise "Marloes belde 06-12345678"
check score-csv 2 "$SPIEGEL" score --csv "$good"
check split-no-transcript 2 "$SPIEGEL" split --no-transcript "$good"
# a malformed --roles or an unknown role is a usage error (2) for every command, before any
# input is read; a label that a transcript lacks is that transcript's failure (1)
check roles-unknown 2 "$SPIEGEL" analyze --roles "Mevrouw K.=foo" "$good"
grep -q 'unknown role "foo"' "$T/err" && ok || bad "roles: message: $(cat "$T/err")"
check roles-form 2 "$SPIEGEL" analyze --roles "Mevrouw K." "$good"
check roles-split 2 "$SPIEGEL" split --roles "Mevrouw K.=foo" "$good"
check roles-batch 2 "$SPIEGEL" batch -q --roles "Mevrouw K.=foo" "$good" -o "$T/roles-batch"
check roles-compare 2 "$SPIEGEL" compare --roles "Mevrouw K.=foo" "$good" "$good"
check roles-no-speaker 1 "$SPIEGEL" analyze --roles "Niemand=deelnemer" "$good"
check roles-ok 0 "$SPIEGEL" analyze --roles "Mevrouw K.=toehoorder" "$good"
# labels that name no role: the XML says how each role was found, and --roles overrides it
check roles-inferred 0 "$SPIEGEL" analyze --no-transcript tests/data/unlabelled/verpleeghuis.srt
grep -q 'label="Anja" role="moderator" role-from="speech"' "$T/out" && ok ||
  bad "roles-inferred: the moderator by speech: $(grep '<speaker ' "$T/out" | head -3)"
check roles-inferred-override 0 "$SPIEGEL" analyze --no-transcript --roles "Anja=deelnemer,Bas=gespreksleider" \
  tests/data/unlabelled/verpleeghuis.srt
grep -q 'label="Bas" role="moderator" turns' "$T/out" &&
  grep -q 'label="Anja" role="participant" turns' "$T/out" && ok ||
  bad "roles-inferred-override: $(grep '<speaker ' "$T/out" | head -3)"
# score: one result per line, whatever the line ends and encoding (UTF-16 with a BOM converted
# once for the whole file, not line by line)
printf 'Het was goed.\nHet was slecht.\nHet was fijn.\n' | iconv -f UTF-8 -t UTF-16 >"$T/score16.txt"
check score-utf16 0 "$SPIEGEL" score -q "$T/score16.txt"
[ "$(wc -l <"$T/out")" = 3 ] && [ "$(grep -c positive "$T/out")" = 2 ] && ok || bad "score of UTF-16: $(cat "$T/out")"
printf 'Goed.\rSlecht.\rHeel fijn.\r' >"$T/score-cr.txt"
check score-cr 0 "$SPIEGEL" score "$T/score-cr.txt"
[ "$(wc -l <"$T/out")" = 3 ] && ok || bad "score with lone CR line ends: $(cat "$T/out")"
printf 'Het was goed.\nHet caf\351 was fijn.\nCaf\303\251 goed.\n' >"$T/score-mixed.txt"
check score-mixed-encoding 1 "$SPIEGEL" score "$T/score-mixed.txt"
grep -q "score-mixed.txt:2: invalid UTF-8" "$T/err" && ok || bad "score names the line of a bad byte: $(cat "$T/err")"
# score prints its polarity as "%.4f" (cli.c formats it itself): one digit, four decimals, the
# sign exactly when the label is negative, "neutral" only for a zero
cat corpora/*.txt >"$T/score-lines.txt"
check score-format 0 "$SPIEGEL" score "$T/score-lines.txt"
awk -F'\t' '!/^-?[01]\.[0-9][0-9][0-9][0-9]\t(positive|negative|neutral)$/ { bad++ }
  ($2 == "negative") != ($1 ~ /^-/) { bad++ }
  $2 == "neutral" && $1 != "0.0000" { bad++ }
  $2 != "neutral" { scored++ }
  END { exit !(NR > 100 && scored > 50 && !bad) }' "$T/out" && ok ||
  bad "score's lines are not \"%.4f<TAB>label\": $(grep -v "^0.0000" "$T/out" | head -3)"
# A regular file is scored in pieces (engine/cli.c, score_streamed: memory is a piece, and a file
# may exceed one transcript's 1 GiB) when it is plain UTF-8; input that needs converting or
# reporting is read whole. Standard input too: redirected from a file it is read twice like one
# (from where it stands), a pipe past its first piece is copied to an unlinked temporary file
# while it is judged, and held in memory when no temporary file can be made (TMPDIR missing) or
# the copy fails (a full disk, here a file size limit of 1.1 MB). Every way must give the rows,
# messages and exit status of the file: CRLF and lone CR line ends, a line longer than a piece
# (1 MB), pieces ending mid-CRLF-run, a UTF-8 byte-order mark, RTF, Windows-1252 and UTF-16
# (whole), blank lines; and past one piece (1.5 MB): plain, Windows-1252, a bad byte near the end.
"$PY" - "$T" <<'PYEOF2'
import sys
t = sys.argv[1]
rows = ["Het was goed.", "Het was slecht en veel te duur!", "", "Heel fijn, maar de wachttijd niet."]
body = "\r\n".join(rows[i % 4] for i in range(60000)) + "\n"
open(t + "/stream-crlf.txt", "w", newline="").write(body)
open(t + "/stream-long.txt", "w").write("Goed. " * 400000 + "\nSlecht.\n" + "Fijn. " * 200000)
open(t + "/stream-cr.txt", "w", newline="").write("\r".join(rows[i % 4] for i in range(50000)))
open(t + "/stream-bom.txt", "w", encoding="utf-8-sig").write("\n".join(rows * 1000) + "\n")
open(t + "/stream-rtf.txt", "w").write("{\\rtf1 Het was goed.}\n")
open(t + "/stream-1252.txt", "wb").write(("Het caf\u00e9 was goed.\n" * 30000).encode("cp1252"))
open(t + "/stream-16.txt", "wb").write(("Het was goed.\r\n" * 20000).encode("utf-16"))
open(t + "/stream-blank.txt", "w").write("\n \n\n")
# long lines, so that the rows of 1.5 MB stay under the file size limit of the full-disk case
big = ["De verpleegkundigen waren heel vriendelijk en de zorg was uitstekend, echt heel fijn.",
       "Ik moest erg lang wachten, het eten was koud en de balie was slecht geregeld.",
       "We hebben het gesprek op dinsdag gevoerd, in de kleine zaal op de tweede verdieping."]
open(t + "/stream-big.txt", "w").write("".join(big[i % 3] + "\n" for i in range(18000)))
open(t + "/stream-big1252.txt", "wb").write(
    ("Het caf\u00e9 was goed, maar de wachttijd bij de balie was veel te lang en slecht.\n"
     * 19000).encode("cp1252"))
open(t + "/stream-bigmixed.txt", "wb").write(("".join(big[i % 3] + "\n" for i in range(18000))
    + "Caf\u00e9 goed.\n").encode() + b"Het caf\xe9 was fijn.\n" + "Caf\u00e9 goed.\n".encode())
PYEOF2
# score_stdin HOW FILE: FILE on score's standard input, redirected or through a pipe (pipe;
# notmp: no temporary file; full: the temporary file takes a piece, not two; ulimit counts
# 512-byte blocks). Rows in by-stdin, messages in err-stdin; the status is spiegel's.
score_stdin() {
  case $1 in
  redirect) "$SPIEGEL" score - <"$2" ;;
  pipe) cat "$2" | "$SPIEGEL" score - ;;
  notmp) cat "$2" | TMPDIR=/nonexistent "$SPIEGEL" score - ;;
  full) cat "$2" | sh -c 'trap "" XFSZ; ulimit -f 2200; exec "$0" score -' "$SPIEGEL" ;;
  esac >"$T/by-stdin" 2>"$T/err-stdin"
}
for f in crlf long cr bom rtf 1252 16 blank big big1252 bigmixed; do
  F=$T/stream-$f.txt
  "$SPIEGEL" score "$F" >"$T/by-file" 2>"$T/err-file"
  a=$?
  sed "s|^spiegel: $F:|spiegel: -:|" "$T/err-file" >"$T/err-want"
  case $f in big*) hows="redirect pipe notmp full" ;; *) hows="redirect pipe" ;; esac
  for how in $hows; do
    score_stdin $how "$F"
    b=$?
    [ "$a" = "$b" ] && cmp -s "$T/by-file" "$T/by-stdin" && cmp -s "$T/err-want" "$T/err-stdin" &&
      ok || bad "score $f: the file (exit $a) and standard input, $how (exit $b), differ"
  done
  case $f in
  blank) [ "$(wc -l <"$T/by-file")" = 3 ] && ok ||
    bad "score of blank lines: $(wc -l <"$T/by-file") rows" ;;
  big) [ "$(grep -c negative "$T/by-file")" -gt 5000 ] &&
    [ "$(grep -c positive "$T/by-file")" -gt 5000 ] && ok ||
    bad "score of 1.5 MB: $(cut -f2 "$T/by-file" | sort | uniq -c | tr '\n' ' ')" ;;
  big1252) grep -q ':1: warning: not UTF-8; read as Windows-1252' "$T/err-file" && ok ||
    bad "score of 1.5 MB of Windows-1252: $(cat "$T/err-file")" ;;
  bigmixed) grep -q ':18002: invalid UTF-8' "$T/err-file" && ok ||
    bad "score of 1.5 MB, a bad byte on line 18002: $(cat "$T/err-file")" ;;
  esac
done
# standard input redirected from a file is scored from where it stands, not from the start
F=$T/stream-head.txt
head -c 30000 "$T/stream-bom.txt" >"$F"
tail -c +1002 "$F" >"$T/stream-tail.txt"
"$SPIEGEL" score "$T/stream-tail.txt" >"$T/by-file" 2>&1
{ dd bs=1001 count=1 of=/dev/null 2>/dev/null; "$SPIEGEL" score -; } <"$F" >"$T/by-stdin" 2>&1
cmp -s "$T/by-file" "$T/by-stdin" && ok || bad "score - on a file read from byte 1001 differs"
# memory does not grow with a pipe: 60 MB of plain lines (cheap ones: spaces, a short sentence)
# took 66 MB held whole (84 MB under ASan), 7 MB in pieces (18 MB). ASan's quarantine keeps
# freed memory for a while (160 MB here): off for the measure.
if [ -x /usr/bin/time ]; then
  awk 'BEGIN { s = sprintf("%1000s", "")
    for (i = 0; i < 60000; i++) print s (i % 2 ? "Het was goed." : "Het was slecht.") }' |
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=0" /usr/bin/time -f %M -o "$T/rss" \
      "$SPIEGEL" score - >"$T/out" 2>"$T/err"
  rss=$(tail -n 1 "$T/rss")
  [ "$rss" -lt 40000 ] && [ "$(grep -c positive "$T/out")" = 30000 ] && ok ||
    bad "score - of 60 MB through a pipe: $rss KB (at most 40000), $(wc -l <"$T/out") rows"
else
  echo "cli: no /usr/bin/time (package time): the memory of score - on a pipe is not measured"
fi

printf '\n\n\n' >"$T/score-blank.txt"
check score-blank-lines 0 "$SPIEGEL" score "$T/score-blank.txt"
[ "$(grep -c neutral "$T/out")" = 3 ] && ok || bad "score: a row per blank line: $(cat "$T/out")"

check analyze 0 "$SPIEGEL" analyze "$good"
grep -q "<session" "$T/out" && ok || bad "analyze writes a session"
check stdin 0 sh -c "\"$SPIEGEL\" analyze - <\"$good\""
grep -q 'source="-"' "$T/out" && ok || bad "stdin is named -"

check missing-file 1 "$SPIEGEL" analyze "$T/nope.txt"
grep -q "^spiegel: $T/nope.txt: cannot open" "$T/err" && ok || bad "missing file message: $(cat "$T/err")"
check directory 1 "$SPIEGEL" analyze "$T"
grep -q "directory" "$T/err" && ok || bad "directory message"
printf 'Mevrouw K.: goed\nMeneer B.: \201\215 kapot\n' >"$T/invalid.txt"
check invalid-utf8 1 "$SPIEGEL" analyze "$T/invalid.txt"
grep -q "^spiegel: $T/invalid.txt:2: " "$T/err" && ok || bad "invalid UTF-8 names line 2: $(cat "$T/err")"
: >"$T/empty.txt"
check empty 1 "$SPIEGEL" analyze "$T/empty.txt"
grep -q "empty" "$T/err" && ok || bad "empty file message: $(cat "$T/err")"
# a lone transcript that fails gives no document at all, not even a declaration or a header
[ ! -s "$T/out" ] && ok || bad "failed analyze wrote to standard output: $(head -c 80 "$T/out")"
check empty-csv 1 "$SPIEGEL" analyze --csv "$T/empty.txt"
[ ! -s "$T/out" ] && ok || bad "failed analyze --csv wrote to standard output: $(head -c 80 "$T/out")"
# two Notepad files joined with cat: the second byte-order mark, at a line's start, hides nothing
printf '\357\273\277Gespreksleider: Welkom allemaal.\nP1: De zorg was goed.\n\357\273\277Gespreksleider: Welkom terug na de pauze.\nP2: De wachttijd was slecht.\n' >"$T/boms.txt"
check bom-inside 0 "$SPIEGEL" analyze "$T/boms.txt"
[ "$(grep -c '<turn id="t[0-9]*" speaker="S1" role="moderator"' "$T/out")" = 2 ] && ok ||
  bad "a byte-order mark inside the file hid the moderator's label"
! grep -q "$(printf '\357\273\277')" "$T/out" && ok || bad "a byte-order mark inside the file reached the XML"

# atomic output: a failed run leaves an existing output untouched and no temporary file
echo "previous" >"$T/keep.xml"
check atomic-failure 1 "$SPIEGEL" analyze "$T/empty.txt" -o "$T/keep.xml"
[ "$(cat "$T/keep.xml")" = previous ] && ok || bad "failed run replaced the output"
[ -z "$(ls "$T" | grep 'keep.xml.tmp')" ] && ok || bad "temporary file left behind"
check atomic-success 0 "$SPIEGEL" analyze "$good" -o "$T/keep.xml"
grep -q "<session" "$T/keep.xml" && ok || bad "output written"

# a full disk and a closed pipe are errors, never success; devices are written in place
if [ -c /dev/full ]; then
  check dev-full 1 "$SPIEGEL" analyze "$good" -o /dev/full
  grep -q "^spiegel: /dev/full: cannot write" "$T/err" && ok || bad "a write failure names the output: $(cat "$T/err")"
  [ -c /dev/full ] && ok || bad "/dev/full is still a device"
  check dev-full-stdout 1 sh -c "\"$SPIEGEL\" analyze \"$good\" >/dev/full"
fi
check dev-null 0 "$SPIEGEL" analyze "$good" -o /dev/null
[ -c /dev/null ] && ok || bad "/dev/null is still a device"
big=$T/big.txt
{ echo "# titel: groot"; i=0; while [ $i -lt 3000 ]; do
    echo "Mevrouw K.: De verpleegkundigen waren heel vriendelijk, maar ik moest lang wachten."; i=$((i + 1)); done; } >"$big"
{ "$SPIEGEL" analyze "$big" 2>"$T/pipe.err"; echo $? >"$T/pipe.status"; } | head -c 100 >/dev/null
[ "$(cat "$T/pipe.status")" = 1 ] && ok || bad "a closed pipe must end with status 1"
grep -q "Broken pipe" "$T/pipe.err" && ok || bad "a closed pipe is reported: $(cat "$T/pipe.err")"

# a corpus with one bad file: the others are analysed, the bad one is an <error>, exit 1
check corpus-with-bad-file 1 "$SPIEGEL" analyze "$good" "$T/invalid.txt" "$good" -o "$T/corpus.xml"
[ "$(grep -c "<session " "$T/corpus.xml")" = 2 ] && ok || bad "two sessions in the corpus"
grep -q "<error " "$T/corpus.xml" && ok || bad "error element for the bad file"
xmllint --noout --relaxng docs/spiegel.rng "$T/corpus.xml" 2>/dev/null && ok || bad "corpus valid"

# a broken lexicon names its file and line
mkdir -p "$T/lex" && cp tests/data/badlex/* "$T/lex/"
check broken-lexicon 1 "$SPIEGEL" analyze --lexicons "$T/lex" "$good"
grep -q "sentiment.tsv:3: " "$T/err" && ok || bad "lexicon error names file:line: $(cat "$T/err")"

# split and score
printf 'Dit is zin een. Dit is bijv. zin twee.\n\nNieuwe alinea hier.\n' >"$T/split.txt"
check split 0 "$SPIEGEL" split "$T/split.txt"
[ "$(grep -c . "$T/out")" = 3 ] && ok || bad "split gives three sentences: $(cat "$T/out")"
# split passes the encoding gate of analyze: Windows-1252 converted, invalid UTF-8 refused with
# its line, binary refused, empty input gives nothing (a hyphen rejoin once handed ill-formed
# UTF-8 to hunspell, which crashed)
printf 'Het caf\351 was gezellig. Goed zo.\n' >"$T/cp1252.txt"
check split-cp1252 0 "$SPIEGEL" split "$T/cp1252.txt"
[ "$(head -1 "$T/out")" = "Het café was gezellig." ] && ok || bad "split reads cp1252: $(cat "$T/out")"
printf 'Een zin hier.\nNog een \342\202\254 en \300\257 daar.\n' >"$T/split-bad.txt"
check split-invalid-utf8 1 "$SPIEGEL" split "$T/split-bad.txt"
grep -q "split-bad.txt:2: invalid UTF-8" "$T/err" && ok || bad "split names the bad line: $(cat "$T/err")"
printf '. Hi-\r n\200\342\300\200\3420\200\200k' >"$T/split-hyphen.txt"
check split-hyphen-rejoin 0 "$SPIEGEL" split "$T/split-hyphen.txt"
printf 'PK\003\004binary' >"$T/split.zip"
check split-binary 1 "$SPIEGEL" split "$T/split.zip"
check split-empty 0 sh -c "printf '' | \"$SPIEGEL\" split -"
[ ! -s "$T/out" ] && ok || bad "split of empty input writes nothing"
# a transcript is read as analyze reads it: WebVTT and SRT detected, text with --format; the
# sentences without cue numbers, timings, voice tags, labels or headers; a blank line between
# turns; cues of one turn joined before they are split
printf 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Gespreksleider>Welkom allemaal.</v>\n\n2\n00:00:05.000 --> 00:00:08.000\n<v Kees>Dat hakte er wel in Zeg het gewoon</v>\n\n3\n00:00:08.500 --> 00:00:11.000\n<v Kees>ruim op tijd. Dan kun je je voorbereiden.</v>\n' >"$T/split.vtt"
check split-vtt 0 "$SPIEGEL" split "$T/split.vtt"
printf 'Welkom allemaal.\n\nDat hakte er wel in\nZeg het gewoon ruim op tijd.\nDan kun je je voorbereiden.\n' >"$T/split-vtt.want"
cmp -s "$T/out" "$T/split-vtt.want" && ok || { bad "split of a WebVTT transcript:"; diff "$T/split-vtt.want" "$T/out" | head; }
printf '1\r\n00:00:01,000 --> 00:00:03,000\r\nGespreksleider: Welkom.\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\nMeneer B.: Het bordje hing verkeerd. Verder prima.\r\n' >"$T/split.srt"
check split-srt 0 "$SPIEGEL" split "$T/split.srt"
[ "$(cat "$T/out")" = "$(printf 'Welkom.\n\nHet bordje hing verkeerd.\nVerder prima.')" ] && ok ||
  bad "split of an SRT transcript: $(cat "$T/out")"
printf '# titel: Test\nGespreksleider: Welkom. Wie begint?\nMevrouw K.: Ik. Het was fijn.\n' >"$T/split-labels.txt"
check split-format-text 0 "$SPIEGEL" split --format text "$T/split-labels.txt"
[ "$(cat "$T/out")" = "$(printf 'Welkom.\nWie begint?\n\nIk.\nHet was fijn.')" ] && ok ||
  bad "split --format text reads labels and headers: $(cat "$T/out")"
check split-text-plain 0 "$SPIEGEL" split "$T/split-labels.txt"
grep -q 'Mevrouw K.: Ik.' "$T/out" && ok || bad "split of plain text keeps its lines as text: $(cat "$T/out")"
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:0x\nkapot\n' >"$T/split-bad.vtt"
check split-bad-vtt 1 "$SPIEGEL" split "$T/split-bad.vtt"
grep -q 'split-bad.vtt' "$T/err" && ok || bad "split names a malformed WebVTT file: $(cat "$T/err")"
printf 'Wat een fantastisch mooi boek!\nSlecht, saai en veel te duur.\n' >"$T/score.txt"
check score 0 "$SPIEGEL" score "$T/score.txt"
[ "$(cut -f2 "$T/out" | tr '\n' ' ')" = "positive negative " ] && ok || bad "score: $(cat "$T/out")"
check explain 0 "$SPIEGEL" explain "De arts was niet vriendelijk."
grep -q "negation" "$T/out" && ok || bad "explain shows the negation"
# lexicons/quickwins.tsv's small actions: a suggestion to do one is a quick-win, a complaint
# that only mentions one is not
check explain-small-action 0 "$SPIEGEL" explain "Misschien een magnetron neerzetten in de kantine."
grep -q "^  class: quick-win" "$T/out" && ok || bad "a suggested small action is a quick-win: $(grep class: "$T/out")"
check explain-action-complaint 0 "$SPIEGEL" explain "Niemand had het doorgegeven, heel slecht."
grep -q "^  class: learning-point" "$T/out" && ok || bad "a complaint naming an action stays a learning point: $(grep class: "$T/out")"
# a sentence whose words gave it a class and that is no point says why (classify.c, SPG_WHY_*)
check explain-why-echo 0 "$SPIEGEL" explain "De zaal was open. Dat vergeet ik nooit."
grep -q "^  why none: echo" "$T/out" && ok || bad "explain says an echo is no point: $(cat "$T/out")"
check explain-why-story 0 "$SPIEGEL" explain "Ik was echt heel bang."
grep -q "^  why none: story" "$T/out" && ok || bad "explain says the story is no point: $(cat "$T/out")"
check explain-why-point 0 "$SPIEGEL" explain "De arts was niet vriendelijk."
grep -q "why none" "$T/out" && bad "a point has no 'why none': $(cat "$T/out")" || ok
# the lexicons pass their own validator, and the generated files are what their scripts make
check lexicons-valid 0 /usr/bin/python3 lexicons/check.py
# lexicons/inflections.txt: a phrase written in one person matches the others of its tense,
# and the evidence names the entry as listed
check explain-inflected 0 "$SPIEGEL" explain "De fysiotherapeuten wisten precies hoe ver ik kon gaan."
grep -q '^    phrase *wist precies .*"wisten precies"' "$T/out" && grep -q "^  class: positive" "$T/out" &&
  ok || bad "'wisten precies' matches the entry 'wist precies': $(grep -E 'phrase|class:' "$T/out")"
check explain-tense-kept 0 "$SPIEGEL" explain "Ik weet het niet."
grep -q "wist" "$T/out" && bad "a present hedge does not match a past complaint: $(cat "$T/out")" || ok
# a phrase written with its verb last matches with the verb second, and a negator inside
# negates it; a separable verb of the lexicons matches split (lexicons/separable.txt)
check explain-verb-second 0 "$SPIEGEL" explain "Ze hielden ons niet op de hoogte."
grep -q '^    negation *niet .*via=inside' "$T/out" && grep -q '^    phrase *op de hoogte houden ' "$T/out" &&
  grep -q "^  class: learning-point" "$T/out" &&
  ok || bad "'hielden ons niet op de hoogte' is the negated 'op de hoogte houden': $(cat "$T/out")"
check explain-separable 0 "$SPIEGEL" explain "Ze legde alles heel goed uit."
grep -q '^    theme *uitleggen *theme=informatie "legde alles heel goed uit"' "$T/out" &&
  ok || bad "'legde alles heel goed uit' is 'uitleggen': $(cat "$T/out")"
check explain-empty 1 "$SPIEGEL" explain "  "
grep -q "^spiegel: nothing to explain: the text is empty" "$T/err" && ok ||
  bad "explain of white space says there is nothing to explain: $(cat "$T/err")"

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
