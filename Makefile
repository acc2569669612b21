# spiegel — the front door. `make demo` analyses corpora/ into out/; `make test` runs every test.
# Targets that need libraries depend on `deps`, which installs what is missing with apt-get.

CC      ?= cc
PKGS    := libutf8proc hunspell libxml-2.0 libxslt libexslt
DEBS    := build-essential pkg-config libutf8proc-dev libhunspell-dev hunspell-nl libxml2-dev \
           libxml2-utils libxslt1-dev xsltproc libcmocka-dev clang libclang-rt-14-dev valgrind \
           python3 python3-pattern ucto parallel time util-linux-extra
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  ?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -lpthread
ALL_CFLAGS = $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L -Iengine $(PKG_CFLAGS)

# Library sources: every engine/*.c but the command's own files (engine/cli*.c).
CLI_SRC := $(wildcard engine/cli*.c)
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard engine/*.c))
LIB_OBJ := $(LIB_SRC:engine/%.c=build/obj/%.o)
ASAN_OBJ := $(LIB_SRC:engine/%.c=build/asan/obj/%.o)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TESTS   := $(patsubst tests/%.c,build/asan/%,$(wildcard tests/test_*.c))
TSAN_OBJ := $(LIB_SRC:engine/%.c=build/tsan/obj/%.o)
TSAN    := -fsanitize=thread -fno-omit-frame-pointer

SPIEGEL := build/spiegel

# Sanitizer settings for every test run (tests/asan.supp explains the one suppression).
export ASAN_OPTIONS = suppressions=$(CURDIR)/tests/asan.supp:detect_leaks=1
export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
CORPUS  := $(sort $(wildcard corpora/*.txt corpora/*.vtt corpora/*.srt))
SERIES  := $(sort $(wildcard corpora/series/*.txt))

.PHONY: all deps demo test unit golden golden-update cli batch-test bench-test tsan report csv spoken hostile fuzz-short valgrind clean install eval bench fuzz format
all: $(SPIEGEL) build/libspiegel.a

# ---- dependencies ---------------------------------------------------------------------------
deps: build/.deps
build/.deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || exit 1; \
	fi
	@mkdir -p build && touch $@

# ---- library and command --------------------------------------------------------------------
# The release build is optimised with the profile of a training run (PGO=1, the default with
# gcc): the engine is first built instrumented into build/pgo/, analyses the bundled corpus
# (corpora/: transcripts, not the bench's generated text), and the counts it leaves
# (build/pgo/obj/*.gcda) steer the compiler's layout of branches and its inlining, with
# link-time optimisation across the stages. docs/performance.md has what it gains. PGO=0 builds
# without (faster to compile, for development); with clang it is off (its profiles take another
# tool). A compiler that is not installed yet counts as gcc: on a fresh machine `deps` installs it.
PGO     ?= $(if $(findstring clang,$(notdir $(CC)) $(shell $(CC) --version 2>/dev/null | head -n 1)),0,1)
# On x86-64 the profile makes gcc expand copies of a size it cannot know (the XML writer's
# evidence lines and quotes, 40-200 bytes) inline as "rep movsq", which costs a start-up of tens
# of cycles on Intel cores; -mstringop-strategy=libcall leaves them to glibc's memcpy, chosen
# for the CPU at run time (twenty-fourth round: about 4 % of a -j1 run, docs/performance.md).
STRINGOP := $(if $(findstring x86_64,$(shell $(CC) -dumpmachine 2>/dev/null)),-mstringop-strategy=libcall)
ifeq ($(PGO),1)
OPT_USE := -fprofile-use -fprofile-partial-training -flto=auto -ffat-lto-objects $(STRINGOP)
# gcc finds a file's counts by its auxiliary name: the instrumented object's, build/pgo/obj/X
OPT_OBJ  = -dumpdir build/pgo/obj/
OPT_DEP := build/pgo/trained
endif
PGO_OBJ := $(LIB_SRC:engine/%.c=build/pgo/obj/%.o) $(CLI_SRC:engine/%.c=build/pgo/obj/%.o)
PGO_GEN := -fprofile-generate -fprofile-update=atomic

build/obj/%.o: engine/%.c engine/*.h $(OPT_DEP) | build/.deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(OPT_USE) $(OPT_OBJ) -c $< -o $@

build/libspiegel.a: $(LIB_OBJ)
	ar rcs $@ $^

# linked from the objects, not the archive, so that link-time optimisation sees all of them
$(SPIEGEL): $(CLI_SRC:engine/%.c=build/obj/%.o) $(LIB_OBJ) build/libspiegel.a
	$(CC) $(CFLAGS) $(OPT_USE) -o $@ $(filter %.o,$^) $(PKG_LIBS)

build/pgo/obj/%.o: engine/%.c engine/*.h | build/.deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PGO_GEN) -c $< -o $@

build/pgo/spiegel: $(PGO_OBJ)
	$(CC) $(CFLAGS) $(PGO_GEN) -o $@ $^ $(PKG_LIBS)

# The training run: every bundled transcript through batch (two workers, as the bench runs) and
# analyze. Each instrumented object's counts land beside it (build/pgo/obj/X.gcda).
build/pgo/trained: build/pgo/spiegel $(CORPUS) $(SERIES) $(wildcard lexicons/*.tsv lexicons/*.txt)
	@rm -rf build/pgo/out build/pgo/obj/*.gcda && mkdir -p build/pgo/out
	build/pgo/spiegel batch -q --no-progress -j 2 -o build/pgo/out/batch $(CORPUS) $(SERIES)
	build/pgo/spiegel batch -q --no-progress -j 1 -o build/pgo/out/batch1 $(CORPUS) $(SERIES)
	build/pgo/spiegel analyze -q $(CORPUS) -o build/pgo/out/corpus.xml
	@touch $@

# the pipeline without output, for docs/performance.md (bench/pipeline_only.c)
build/pipeline-only: bench/pipeline_only.c build/libspiegel.a
	$(CC) $(ALL_CFLAGS) $< build/libspiegel.a -o $@ $(PKG_LIBS)

# ---- the main job: analyse the bundled corpus -------------------------------------------------
demo: $(SPIEGEL)
	@mkdir -p out out/series
	@for f in $(CORPUS); do b=$$(basename $$f); b=$${b%.*}; \
	  ./$(SPIEGEL) analyze -q "$$f" -o "out/$$b.xml" || exit 1; \
	  ./$(SPIEGEL) report "out/$$b.xml" -o "out/$$b.html" || exit 1; echo "out/$$b.xml out/$$b.html"; done
	./$(SPIEGEL) analyze -q $(CORPUS) -o out/corpus.xml
	./$(SPIEGEL) analyze -q --csv $(CORPUS) -o out/corpus-items.csv
	./$(SPIEGEL) analyze -q --csv=sentences $(CORPUS) -o out/corpus-sentences.csv
	@for f in $(SERIES); do b=$$(basename $$f .txt); \
	  ./$(SPIEGEL) analyze -q "$$f" -o "out/series/$$b.xml" || exit 1; \
	  ./$(SPIEGEL) report "out/series/$$b.xml" -o "out/series/$$b.html" || exit 1; \
	  ./$(SPIEGEL) report --participants "$$f" -o "out/series/$$b-deelnemers.html" || exit 1; done
	./$(SPIEGEL) compare $(SERIES:corpora/series/%.txt=out/series/%.xml) -o out/series.xml
	./$(SPIEGEL) compare --csv=links $(SERIES:corpora/series/%.txt=out/series/%.xml) -o out/series-links.csv
	./$(SPIEGEL) report out/series.xml -o out/series.html
	@echo "analysed $(words $(CORPUS)) transcripts into out/ (XML, HTML, CSV); the series: out/series.html"

# ---- tests: unit tests (cmocka) under ASan+UBSan, golden XML, schema -----------------------------
build/asan/obj/%.o: engine/%.c engine/*.h | build/.deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -c $< -o $@

build/asan/libspiegel.a: $(ASAN_OBJ)
	ar rcs $@ $^

build/asan/test_%: tests/test_%.c tests/*.h build/asan/libspiegel.a
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -Itests $< build/asan/libspiegel.a -o $@ $(PKG_LIBS) \
	  $$(pkg-config --libs cmocka)

build/asan/spiegel: $(CLI_SRC:engine/%.c=build/asan/obj/%.o) build/asan/libspiegel.a
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

# ThreadSanitizer build: the batch workers share a dictionary and a type store (tests/tsan.sh)
build/tsan/obj/%.o: engine/%.c engine/*.h | build/.deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O1 $(TSAN) -c $< -o $@

build/tsan/libspiegel.a: $(TSAN_OBJ)
	ar rcs $@ $^

build/tsan/spiegel: $(CLI_SRC:engine/%.c=build/tsan/obj/%.o) build/tsan/libspiegel.a
	$(CC) $(TSAN) -o $@ $^ $(PKG_LIBS)

build/tsan/test_morph: tests/test_morph.c tests/*.h build/tsan/libspiegel.a
	$(CC) $(ALL_CFLAGS) -O1 $(TSAN) -Itests $< build/tsan/libspiegel.a -o $@ $(PKG_LIBS) \
	  $$(pkg-config --libs cmocka)

tsan: build/tsan/spiegel build/tsan/test_morph
	sh tests/tsan.sh

unit: $(TESTS)
	@fail=0; for t in $(TESTS); do \
	  $$t || fail=1; done; exit $$fail

golden: build/asan/spiegel
	SPIEGEL=build/asan/spiegel sh tests/golden.sh

golden-update: $(SPIEGEL)
	UPDATE=1 sh tests/golden.sh

cli: build/asan/spiegel
	SPIEGEL=build/asan/spiegel sh tests/cli.sh

batch-test: build/asan/spiegel
	SPIEGEL=build/asan/spiegel sh tests/batch.sh

bench-test: build/asan/spiegel build/pipeline-only
	SPIEGEL=build/asan/spiegel sh tests/bench.sh

# ---- speed: MB/s beside wc -w, Pattern and ucto (BENCH_MB=50 make bench for a quick run) -----
bench: $(SPIEGEL)
	sh bench/bench.sh

hostile: build/asan/spiegel
	SPIEGEL=build/asan/spiegel sh tests/hostile.sh

# ---- fuzzing (libFuzzer, clang): a short run of every target in make test, longer here ---------
fuzz-short: deps
	FUZZ_SECONDS=$${FUZZ_SECONDS:-10} sh tests/fuzz.sh

fuzz: deps
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} sh tests/fuzz.sh

valgrind: deps
	sh tests/valgrind.sh

report: build/asan/spiegel
	SPIEGEL=build/asan/spiegel sh tests/report.sh

csv: build/asan/spiegel
	SPIEGEL=build/asan/spiegel sh tests/csv.sh

# the spoken-Dutch sentence set: every line marked "ok" must keep its class (tests/spoken.py)
spoken: build/asan/spiegel
	SPIEGEL=build/asan/spiegel /usr/bin/python3 tests/spoken.py

test: deps unit golden cli spoken batch-test bench-test tsan report csv hostile fuzz-short valgrind
	@echo "all tests passed"

# ---- evaluation: quality figures side by side (bench/README.md) ------------------------------
eval: $(SPIEGEL)
	/usr/bin/python3 bench/eval.py $(EVAL_ARGS)

clean:
	rm -rf build out

PREFIX ?= /usr/local
install: $(SPIEGEL) build/libspiegel.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/spiegel/lexicons
	install -m 755 $(SPIEGEL) $(DESTDIR)$(PREFIX)/bin/spiegel
	install -m 644 build/libspiegel.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 engine/spiegel.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 lexicons/*.tsv lexicons/*.txt $(DESTDIR)$(PREFIX)/share/spiegel/lexicons/
	install -d $(DESTDIR)$(PREFIX)/share/spiegel/report
	install -m 644 docs/report/*.xsl $(DESTDIR)$(PREFIX)/share/spiegel/report/

format:
	clang-format -i engine/*.c engine/*.h tests/*.c
