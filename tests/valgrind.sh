#!/bin/sh
# valgrind.sh — the unit tests and a few command runs under valgrind (memcheck): no invalid
# reads or writes, no use of uninitialised memory, no leaks. valgrind cannot run ASan builds, so
# the library, the tests and the command are built here without sanitizers into build/valgrind/.
# VALGRIND_TESTS="test_split test_read" runs some unit tests only.
# Ends with "valgrind: N passed, N failed".
set -u
B=build/valgrind
CC=${CC:-cc}
PKGS="libutf8proc hunspell libxml-2.0 libxslt libexslt"
CFLAGS="-std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter -O1 -g \
  -D_POSIX_C_SOURCE=200809L -Iengine $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lm -lpthread"
VG="valgrind -q --suppressions=tests/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99"
pass=0 fail=0
command -v valgrind >/dev/null || { echo "valgrind: not installed"; echo "valgrind: 0 passed, 1 failed"; exit 1; }
mkdir -p $B/obj

# ---- build (incrementally) ----
for src in engine/*.c; do
  o=$B/obj/$(basename "${src%.c}").o
  if [ ! -f "$o" ] || [ "$src" -nt "$o" ] || [ -n "$(find engine -name '*.h' -newer "$o")" ]; then
    echo "$src $o"
  fi
done | xargs -r -P "$(nproc)" -n 2 sh -c "$CC $CFLAGS -c \"\$0\" -o \"\$1\" || exit 255" || {
  echo "valgrind: building the library failed"; echo "valgrind: 0 passed, 1 failed"; exit 1; }
lib_objs=$(ls $B/obj/*.o | grep -v '/cli[^/]*\.o$')
cli_objs=$(ls $B/obj/cli*.o)
rm -f $B/libspiegel.a && ar rcs $B/libspiegel.a $lib_objs
$CC -o $B/spiegel $cli_objs $B/libspiegel.a $LIBS || { echo "valgrind: cannot link spiegel"; exit 1; }
tests=${VALGRIND_TESTS:-$(ls tests/test_*.c | sed 's|tests/||; s|\.c$||')}
for t in $tests; do
  $CC $CFLAGS -Itests tests/$t.c $B/libspiegel.a -o $B/$t $LIBS $(pkg-config --libs cmocka) ||
    { echo "FAIL $t: does not build"; fail=$((fail + 1)); }
done

# run NAME COMMAND...: passes when valgrind reports nothing and the command's own status is
# the expected one (VG_STATUS, default 0).
run() {
  name=$1; shift
  want=${VG_STATUS:-0}
  $VG "$@" >$B/$name.out 2>$B/$name.log
  got=$?
  if [ "$got" = 99 ]; then
    echo "FAIL $name: valgrind found errors:"; grep -E "^==[0-9]+== " $B/$name.log | head -30
    fail=$((fail + 1))
  elif [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; tail -5 $B/$name.log; fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
}

for t in $tests; do
  [ -x $B/$t ] && run "$t" $B/$t
done
S=$B/spiegel
run analyze-text $S analyze -q corpora/jeugdzorg.txt
run analyze-vtt $S analyze -q corpora/ggz-ambulant.vtt
run analyze-srt-pseudonymise $S analyze -q --pseudonymise corpora/revalidatie.srt
run analyze-corpus $S analyze -q corpora/ziekenhuis-cardiologie.txt corpora/school-mbo.vtt -o $B/corpus.xml
printf 'P1: h\303\251\303\251l \303 kapot\n' >$B/invalid.txt
VG_STATUS=1 run analyze-invalid $S analyze -q $B/invalid.txt
VG_STATUS=1 run analyze-directory $S analyze -q corpora
VG_STATUS=1 run analyze-full-disk $S analyze -q corpora/jeugdzorg.txt -o /dev/full
run split $S split corpora/jeugdzorg.txt
run score sh -c "head -20 corpora/jeugdzorg.txt | $VG $S score -"
run explain $S explain "De arts was niet vriendelijk, maar de zuster wel."

echo "valgrind: $pass passed, $fail failed"
[ "$fail" = 0 ]
