# nib — small filters that turn scraped news pages into clean text.
# Plain make; dependencies through pkg-config.  See README.md.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
# Files the tools do not read but recipes do (nib.7: html2text's settings).
NIBDATADIR  ?= $(PREFIX)/share/nib
CC       ?= cc
PKGS      = libbsd-overlay libutf8proc libxxhash libpcre2-8 yajl
WERROR    = $(if $(filter true,$(CI)),-Werror,)
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
FUZZTIME ?= 60
SANOPTS   = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SANFLAGS  = $(if $(SANITIZE),$(SANOPTS),)
NIBCFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra $(WERROR) $(SANFLAGS) -Icommon -I$(B) \
            -DNIB_VERSION='"$(VERSION)"' $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# A sanitizer build lives in its own tree, so it never mixes with the plain one.
B         = $(if $(SANITIZE),build-san,build)
BIN       = $(if $(SANITIZE),bin-san,bin)

CMDS      = $(patsubst cmd/%.c,%,$(wildcard cmd/nib*.c))
LIBSRC    = $(wildcard common/*.c)
LIBDATA   = $(wildcard common/data/*.txt)
LIBOBJ    = $(LIBSRC:%.c=$(B)/%.o) $(LIBDATA:%.txt=$(B)/%.o)
UNITS     = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
FUZZ      = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
# Tool logic that sits beside a tool (cmd/nibX/*.c), for fuzz targets.
TOOLSRC   = $(wildcard cmd/*/*.c)
TOOLDATA  = $(wildcard cmd/*/*.txt)
TOOLLIB   = $(TOOLSRC:%.c=$(B)/%.o) $(TOOLDATA:%.txt=$(B)/%.o)
MANS      = $(wildcard man/*.[17])
# Shell completions, made from each tool's --help (common/complete.sh).
COMPS     = $(CMDS:%=$(B)/complete/bash/%) $(CMDS:%=$(B)/complete/zsh/_%)

all: $(CMDS:%=$(BIN)/%)

completions: $(COMPS)

$(B)/complete/bash/%: $(BIN)/% common/complete.sh
	@mkdir -p $(@D)
	sh common/complete.sh bash $(BIN)/$* > $@.tmp && mv $@.tmp $@

$(B)/complete/zsh/_%: $(BIN)/% common/complete.sh
	@mkdir -p $(@D)
	sh common/complete.sh zsh $(BIN)/$* > $@.tmp && mv $@.tmp $@

.SECONDEXPANSION:
# A tool is cmd/nibX.c plus whatever sits in cmd/nibX/ (C files and
# data files that are compiled in).
TOOLOBJ = $(B)/cmd/$(1).o $(patsubst %.c,$(B)/%.o,$(wildcard cmd/$(1)/*.c)) \
          $(patsubst %.txt,$(B)/%.o,$(wildcard cmd/$(1)/*.txt))

$(BIN)/%: $$(call TOOLOBJ,$$*) $(B)/libnib.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libnib.a: $(LIBOBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/%.o: %.c | $(B)/nibdata.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(NIBCFLAGS) -MMD -MP -c -o $@ $<

# Data files (abbreviation lists, rule files, verb lists) are compiled in
# as nib_data_<path>[] and nib_data_<path>_len, declared in the generated
# nibdata.h (common/embed.sh says how a path becomes a name).
$(B)/nibdata.h: $(LIBDATA) $(TOOLDATA) common/embed.sh
	@mkdir -p $(@D)
	sh common/embed.sh -h $(LIBDATA) $(TOOLDATA) > $@

$(B)/%.c: %.txt common/embed.sh
	@mkdir -p $(@D)
	sh common/embed.sh $< > $@

$(B)/%.o: $(B)/%.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(NIBCFLAGS) -c -o $@ $<

$(BIN)/test_%: $(B)/tests/unit/test_%.o $(B)/libtools.a $(B)/libnib.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libtools.a: $(TOOLLIB)
	@rm -f $@
	$(AR) rcs $@ $^

# In `make check` a fuzz target runs over its corpus through a plain driver;
# `make fuzz` builds it with libFuzzer instead (tests/fuzz/run.sh).
$(BIN)/fuzz_%: $(B)/tests/fuzz/fuzz_%.o $(B)/tests/fuzz/driver.o $(B)/libtools.a $(B)/libnib.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# nibdedup with its test hook (NIBDEDUP_TEST_KILL: die during a state
# save), for the golden cases only: never installed.
$(B)/cmd/nibdedup/state-testhook.o: cmd/nibdedup/state.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(NIBCFLAGS) -DNIBDEDUP_TEST_HOOK -MMD -MP -c -o $@ $<

$(BIN)/nibdedup-testhook: $(filter-out %/state.o,$(call TOOLOBJ,nibdedup)) \
    $(B)/cmd/nibdedup/state-testhook.o $(B)/libnib.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

units: $(UNITS:%=$(BIN)/%) $(FUZZ:%=$(BIN)/%) $(BIN)/nibdedup-testhook

check: deps all units
	@BIN=$(BIN) sh tests/run.sh

# The long cases of the bad-input matrix (1 GB line, 10 million lines,
# random bytes, 10 MB lines of quote marks), with peak RSS: tests/slow.sh.
slowcheck: all
	@$(MAKE) -s DEPS_EXTRA='time python3' deps
	@sh tests/slow.sh $(SLOW)

demo: deps all
	@sh tests/demo/run.sh

bench: all
	@sh .ci/deps.sh icu-devtools mawk gawk perl time
	@command -v npm >/dev/null || echo 'bench: npm is missing: the npm peers are skipped (apt-get install npm)' >&2
	@sh tests/bench/run.sh $(BENCH)

# Every fuzz target for $(FUZZTIME) seconds (default 60) under libFuzzer,
# ASan and UBSan; FUZZ_TARGETS='fuzz_json fuzz_strip' picks some.
fuzz: deps
	@$(MAKE) -s DEPS_EXTRA='clang libclang-rt-14-dev' deps
	@FUZZTIME=$(FUZZTIME) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

# Static analysis: cppcheck, then gcc -fanalyzer on every C file of the
# tools and libnib; any finding fails.  False positives are suppressed one
# by one, with the reason: inline in common/, in tests/lint/cppcheck.supp
# elsewhere.
LINTSRC = $(LIBSRC) $(TOOLSRC) $(CMDS:%=cmd/%.c)
lint: $(B)/nibdata.h
	@$(MAKE) -s DEPS_EXTRA='cppcheck gcc' deps
	cppcheck -q --std=c11 --enable=warning,performance,portability --inline-suppr \
	    --suppressions-list=tests/lint/cppcheck.supp --suppress=missingIncludeSystem \
	    --error-exitcode=1 -D_GNU_SOURCE -DNIB_VERSION='"lint"' -Icommon -I$(B) common cmd tests/fuzz
	@for f in $(LINTSRC); do echo "gcc -fanalyzer $$f"; \
	    gcc -std=c11 -D_GNU_SOURCE -O1 -fanalyzer -Werror -Wall -Wextra -Icommon -I$(B) \
	    -DNIB_VERSION='"lint"' $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
	    -c -o /dev/null $$f || exit 1; done

# Line and branch coverage of `make check` (gcov, summed by gcovr) for
# common/ and each tool (cmd/nibX.c with cmd/nibX/), built apart in
# build-cov; the full report per file is in build-cov/coverage.txt.
coverage:
	@$(MAKE) -s DEPS_EXTRA='gcovr' deps
	@find build-cov -name '*.gcda' -delete 2>/dev/null; true
	@$(MAKE) -s B=build-cov BIN=bin-cov OPT=-O0 CFLAGS='-O0 -g --coverage' LDFLAGS=--coverage all units
	-@BIN=bin-cov sh tests/run.sh | tail -1
	@sh tests/coverage.sh build-cov $(CMDS)

deps:
	@sh .ci/deps.sh $(DEPS_EXTRA)

# Installs what `make` built in $(BIN) (bin-san with SANITIZE=1).
install: all completions
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(NIBDATADIR)
	for c in $(CMDS); do install -m 755 $(BIN)/$$c $(DESTDIR)$(BINDIR)/$$c; done
	for m in $(MANS); do s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	for c in $(CMDS); do install -m 644 $(B)/complete/bash/$$c $(DESTDIR)$(BASHCOMPDIR)/$$c; \
	    install -m 644 $(B)/complete/zsh/_$$c $(DESTDIR)$(ZSHCOMPDIR)/_$$c; done
	install -m 644 common/html2textrc $(DESTDIR)$(NIBDATADIR)/html2textrc

# Removes what install wrote, then the folders install makes, deepest
# first, each only when it is empty (rmdir fails on one that holds more).
INSTDIRS = $(BASHCOMPDIR) $(dir $(BASHCOMPDIR)) $(ZSHCOMPDIR) $(dir $(ZSHCOMPDIR)) \
           $(MANDIR)/man1 $(MANDIR)/man7 $(MANDIR) $(BINDIR) $(NIBDATADIR) $(PREFIX)/share $(PREFIX)
uninstall:
	for c in $(CMDS); do rm -f $(DESTDIR)$(BINDIR)/$$c $(DESTDIR)$(BASHCOMPDIR)/$$c \
	    $(DESTDIR)$(ZSHCOMPDIR)/_$$c; done
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	rm -f $(DESTDIR)$(NIBDATADIR)/html2textrc
	-for d in $(INSTDIRS); do rmdir $(DESTDIR)$$d 2>/dev/null; done; true

clean:
	rm -rf build build-san build-fuzz build-fuzz-alt build-cov bin bin-san bin-fuzz bin-cov

.PHONY: all completions units check slowcheck demo bench fuzz lint coverage deps install uninstall clean
.SECONDARY:

-include $(shell find build build-san build-fuzz build-cov -name '*.d' 2>/dev/null)
