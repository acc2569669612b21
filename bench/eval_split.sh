#!/bin/sh
# eval_split.sh — sentence splitting of `spiegel split` against ucto on the UD Dutch dev data.
#
# For each UD file in $SHARED/data/ud/ the scorer ($SHARED/tools/sentseg_eval.py) rebuilds the
# paragraphs from the sentence ids, pipes them (blank-line separated) through a splitter that
# prints one sentence per line, and scores the sentence boundaries (precision, recall, F1 over
# offsets in text folded to alphanumerics, so tokenisation and quote style do not count).
#
#   spiegel: $SPIEGEL split        (default build/spiegel; SPLIT_CMD overrides the whole command)
#   ucto:    ucto -L nld -n        (Dutch configuration, one sentence per line on output; ucto
#                                   tokenises, which the folding ignores; -n keeps its paragraph
#                                   detection on blank lines)
#
# Usage: sh bench/eval_split.sh        SHARED=/path/to/shared sh bench/eval_split.sh
# The UD files are development data: the splitter was tuned on them (see engine/split.c).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
SHARED=${SHARED:-$root/../shared}
SPIEGEL=${SPIEGEL:-$root/build/spiegel}
if [ -z "${SPLIT_CMD:-}" ]; then
  [ -x "$SPIEGEL" ] || { echo "eval_split: $SPIEGEL not built (make, or set SPIEGEL / SPLIT_CMD)" >&2; exit 2; }
  SPLIT_CMD="$SPIEGEL split"
fi
UCTO_CMD=${UCTO_CMD:-"ucto -L nld -n"}
eval_py=$SHARED/tools/sentseg_eval.py
[ -f "$eval_py" ] || { echo "eval_split: $eval_py not found (set SHARED)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "eval_split: python3 is needed" >&2; exit 2; }
have_ucto=1
command -v ucto >/dev/null || have_ucto=0

# Prints "P R F1 predicted gold" from one scorer line.
score() {
  python3 "$eval_py" "$1" "$2" | sed -n \
    's/^sentences=\([0-9]*\) predicted=\([0-9]*\) P=\([0-9.]*\) R=\([0-9.]*\) F1=\([0-9.]*\).*/\3 \4 \5 \2 \1/p'
}

status=0
printf '%-22s %-8s %6s %6s %6s %9s %6s\n' file splitter P R F1 predicted gold
for f in "$SHARED"/data/ud/*.conllu; do
  name=$(basename "$f" .conllu)
  s=$(score "$f" "$SPLIT_CMD")
  [ -n "$s" ] || { echo "eval_split: spiegel produced no score on $name" >&2; exit 1; }
  set -- $s
  printf '%-22s %-8s %6s %6s %6s %9s %6s\n' "$name" spiegel "$1" "$2" "$3" "$4" "$5"
  f1=$3
  if [ "$have_ucto" = 1 ]; then
    u=$(score "$f" "$UCTO_CMD 2>/dev/null")
    set -- $u
    printf '%-22s %-8s %6s %6s %6s %9s %6s\n' "$name" ucto "$1" "$2" "$3" "$4" "$5"
    if python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$3') else 1)"; then :; else
      echo "  spiegel below ucto on $name" >&2; status=1
    fi
  else
    printf '%-22s %-8s (ucto not installed: apt-get install ucto)\n' "$name" ucto
  fi
done
exit $status
