#!/bin/sh
# fuzz.sh — builds the libFuzzer targets of tests/fuzz/ with clang (ASan + UBSan) into
# build/fuzz/ and runs each for FUZZ_SECONDS (default 10), starting from the seeds in
# tests/fuzz/seeds/<target>/ and the corpus grown by earlier runs (build/fuzz/corpus/<target>/).
# Crashes, leaks and hangs land in build/fuzz/artifacts/<target>/ and fail the run. Every file in
# tests/fuzz/regress/<target>/ (inputs that once crashed) is replayed first.
# Prints the executions of each target and ends with "fuzz: N passed, N failed".
#   FUZZ_SECONDS=600 sh tests/fuzz.sh            # longer runs (make fuzz)
#   FUZZ_TARGETS="fuzz_split" sh tests/fuzz.sh   # some targets only
set -u
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
CLANG=${CLANG:-$(command -v clang-14 || command -v clang)}
TARGETS=${FUZZ_TARGETS:-"fuzz_read_text fuzz_read_vtt fuzz_read_srt fuzz_read_sbv fuzz_read_ass fuzz_read_textgrid fuzz_read_trs fuzz_read_eaf fuzz_read_exb fuzz_read_chat fuzz_encoding fuzz_normalize fuzz_split fuzz_pipeline"}
B=build/fuzz
PKGS="libutf8proc hunspell libxml-2.0"
PKG_CFLAGS=$(pkg-config --cflags $PKGS)
PKG_LIBS="$(pkg-config --libs $PKGS) -lm -lpthread"
FLAGS="-std=c11 -Wall -Wextra -Werror -Wno-unused-parameter -g -O1 -D_POSIX_C_SOURCE=200809L -Iengine -Itests/fuzz $PKG_CFLAGS -fno-omit-frame-pointer"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
export ASAN_OPTIONS="suppressions=$(pwd)/tests/asan.supp:detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
pass=0 fail=0
[ -n "$CLANG" ] || { echo "fuzz: clang not found"; echo "fuzz: 0 passed, 1 failed"; exit 1; }
mkdir -p $B/obj

# The library, instrumented for coverage (every engine/*.c but the command's own files).
objs=""
for src in engine/*.c; do
  case $src in engine/cli*) continue ;; esac
  objs="$objs $B/obj/$(basename "${src%.c}").o"
done
for src in engine/*.c; do
  case $src in engine/cli*) continue ;; esac
  o=$B/obj/$(basename "${src%.c}").o
  if [ ! -f "$o" ] || [ "$src" -nt "$o" ] || [ -n "$(find engine -name '*.h' -newer "$o")" ]; then
    echo "$src $o"
  fi
done | xargs -r -P "$(nproc)" -n 2 sh -c \
  "$CLANG $FLAGS $SAN -fsanitize=fuzzer-no-link -c \"\$0\" -o \"\$1\" || exit 255" || {
  echo "fuzz: building the library failed"; echo "fuzz: 0 passed, 1 failed"; exit 1; }

for t in $TARGETS; do
  bin=$B/$t
  if ! $CLANG $FLAGS $SAN -fsanitize=fuzzer tests/fuzz/$t.c $objs -o "$bin" $PKG_LIBS; then
    echo "FAIL $t: does not build"; fail=$((fail + 1)); continue
  fi
  # regressions: inputs that once crashed must pass
  if [ -d tests/fuzz/regress/$t ] && [ -n "$(ls tests/fuzz/regress/$t)" ]; then
    if ! "$bin" -timeout=20 -rss_limit_mb=4096 tests/fuzz/regress/$t/* >$B/$t.regress.log 2>&1; then
      echo "FAIL $t: a regression input fails again (see $B/$t.regress.log)"
      tail -30 $B/$t.regress.log; fail=$((fail + 1)); continue
    fi
  fi
  corpus=$B/corpus/$t art=$B/artifacts/$t
  mkdir -p "$corpus" "$art"
  "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=20 -rss_limit_mb=4096 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$art/" "$corpus" tests/fuzz/seeds/$t \
    >$B/$t.log 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' $B/$t.log | tail -1)
  if [ "$rc" = 0 ]; then
    echo "$t: ${execs:-?} executions in ${FUZZ_SECONDS}s, no findings"; pass=$((pass + 1))
  else
    echo "FAIL $t: exit $rc after ${execs:-?} executions; artifacts in $art/ (log $B/$t.log)"
    grep -m1 -E "ERROR|SUMMARY|runtime error|deadly signal|timeout" $B/$t.log
    fail=$((fail + 1))
  fi
  echo "$t ${execs:-0}" >>$B/executions.log
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
