# insats — plain Makefile. `make` builds ./insats; `make ASAN=1` builds build-asan/insats
# with AddressSanitizer + UBSan; `make test` builds and runs every test (tools/run_tests.sh).

CC      ?= gcc
PKGS    := jansson sqlite3 icu-i18n icu-uc libsodium libmicrohttpd
TESTPKGS:= cmocka

WARN    := -Wall -Wextra -Werror -Wformat=2 -Wformat-security -Wshadow -Wpointer-arith \
           -Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition -Wvla \
           -Wcast-qual -Wwrite-strings -Wundef -Wimplicit-fallthrough
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Isrc \
           $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lm

# BUILD may be set to build elsewhere (parallel work); the binary then lands in $(BUILD)/insats.
ifeq ($(ASAN),1)
BUILD   ?= build-asan
CFLAGS  += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
BIN     := $(BUILD)/insats
else
BUILD   ?= build
BIN     := $(if $(filter build,$(BUILD)),insats,$(BUILD)/insats)
endif

LIB_SRC := $(sort $(wildcard src/base/*.c src/core/*.c src/store/*.c src/service/*.c src/http/*.c \
                             src/web/*.c src/cli/*.c))
LIB_SRC := $(filter-out src/cli/main.c,$(LIB_SRC))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations_sqlite.o $(BUILD)/gen/static_files.o
MIGRATIONS_SQLITE := $(sort $(wildcard src/store/migrations/sqlite/*.sql))
STATIC_FILES := $(sort $(wildcard src/web/static/*))
MAIN_OBJ:= $(BUILD)/src/cli/main.o
TEST_SRC:= $(sort $(wildcard tests/*/test_*.c))
TEST_BIN:= $(TEST_SRC:%.c=$(BUILD)/%)
BENCH_SRC:= $(sort $(wildcard bench/*.c))
BENCH_BIN:= $(BENCH_SRC:%.c=$(BUILD)/%)

.PHONY: all test tests bench clean format lint
all: $(BIN) $(TEST_BIN)

$(BIN): $(MAIN_OBJ) $(BUILD)/libinsats.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libinsats.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The schema is compiled in: each dialect's migrations/*.sql become one C array.
$(BUILD)/gen/migrations_sqlite.c: $(MIGRATIONS_SQLITE) tools/embed_sql.sh
	@mkdir -p $(dir $@)
	tools/embed_sql.sh migrations_sqlite $(MIGRATIONS_SQLITE) > $@

# The web's CSS and JavaScript are compiled in too, each at a URL that carries its hash.
$(BUILD)/gen/static_files.c: $(STATIC_FILES) tools/embed_static.sh
	@mkdir -p $(dir $@)
	tools/embed_static.sh $(STATIC_FILES) > $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(BUILD)/libinsats.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags $(TESTPKGS)) -Itests -MMD -MP $(LDFLAGS) -o $@ $< \
	  $(BUILD)/libinsats.a $(LDLIBS) $(shell pkg-config --libs $(TESTPKGS))

$(BUILD)/bench/%: bench/%.c $(BUILD)/libinsats.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(BUILD)/libinsats.a $(LDLIBS)

tests: $(TEST_BIN)

test: all
	tools/run_tests.sh

bench: $(BIN) $(BENCH_BIN)
	@for b in $(BENCH_BIN); do $$b; done

lint:
	tools/lint.sh

format:
	clang-format -i $(wildcard src/*/*.c src/*/*.h tests/*/*.c tests/*.h bench/*.c)

clean:
	rm -rf build build-asan insats

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
