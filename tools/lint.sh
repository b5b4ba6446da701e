#!/usr/bin/env bash
# lint.sh — checks the layer rules and banned calls of design.md; prints TAP, one line per check.
# Layers (inner → outer): base → core → store → service → http → web/api/cli. A layer includes
# only layers inside it; SQL lives in store/, MHD_ in http/server.c, the clock and I/O stay out
# of core/, exit() stays in cli/.
set -u
cd "${LINT_ROOT:-$(dirname "$0")/..}"  # LINT_ROOT: lint another tree (tests/cli/test_lint.sh)
n=0 bad=0
check() { # check NAME OUTPUT
  n=$((n + 1))
  if [ -z "$2" ]; then echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    printf '%s\n' "$2" | head -n 20 | sed 's/^/# /'
    bad=1
  fi
}
src() { find "src/$1" -name '*.[ch]' 2>/dev/null | sort; }
# grep_code PATTERN FILE… — like grep -nE, but ignores comments and string-free comment lines.
grep_code() {
  local pat=$1 f
  shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    sed -E 's#/\*.*\*/##g; s#//.*$##; s#^[[:space:]]*(/\*|\*).*$##' "$f" | grep -nE "$pat" | sed "s|^|$f:|"
  done
}
# Project includes ("dir/file.h") in the given layer whose dir is not in the allowed list.
includes_outside() {
  local layer=$1 allowed=$2 f
  for f in $(src "$layer"); do
    grep -nE '^#include "[a-z]+/' "$f" | while IFS= read -r line; do
      dir=$(printf '%s' "$line" | sed -E 's/.*#include "([a-z]+)\/.*/\1/')
      case " $allowed " in *" $dir "*) ;; *) echo "$f:$line" ;; esac
    done
  done
}
# System headers outside the allowed set of non-libc headers.
foreign_headers() {
  local layer=$1 allowed=$2 f
  for f in $(src "$layer"); do
    grep -nE '^#include <[a-z0-9_]+[/.]' "$f" | grep -vE '<(assert|ctype|errno|inttypes|limits|math|setjmp|signal|stdalign|stdarg|stdatomic|stdbool|stddef|stdint|stdio|stdlib|stdnoreturn|string|time|uchar|wchar|wctype|locale|float|iso646|complex|fenv|tgmath|threads)\.h>' |
      grep -vE "<($allowed)>" | sed "s|^|$f:|"
  done
}

check "base includes only base" "$(includes_outside base 'base')"
check "base uses only libc (and jansson for JSON parsing)" "$(foreign_headers base 'jansson\.h')"
check "core includes only base and core" "$(includes_outside core 'base core')"
check "core uses only libc" "$(foreign_headers core 'NONE')"
check "store includes only base, core and store" "$(includes_outside store 'base core store')"
check "store uses only libc, SQLite, ICU and libsodium" \
  "$(foreign_headers store 'sqlite3\.h|libpq-fe\.h|sodium\.h|unicode/[a-z]+\.h')"
check "service uses only libc, libsodium and jansson" "$(foreign_headers service 'sodium\.h|jansson\.h')"
check "service includes only base, core, store and service" \
  "$(includes_outside service 'base core store service')"
check "service includes only store/store.h from store" \
  "$(grep -nE '^#include "store/' $(src service) /dev/null | grep -v 'store/store.h')"
check "http includes only base and http" "$(includes_outside http 'base http')"
check "cli includes only base, core, service, http, web (serve) and cli" \
  "$(includes_outside cli 'base core service http web cli')"
check "web/api include only base, core, service, http and their own" \
  "$(includes_outside web 'base core service http web'; includes_outside api 'base core service http api')"
check "no sprintf/vsprintf/strcpy/strcat/gets" \
  "$(grep_code '(^|[^a-z_])(sprintf|vsprintf|strcpy|strcat|gets)[[:space:]]*\(' $(src ''))"
check "SQL only in store/" \
  "$(grep -nE 'sqlite3_|PQexec|"[[:space:]]*(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE) ' \
      $(src '' | grep -v '^src/store/') /dev/null)"
check "MHD_ only in http/server.c" \
  "$(grep -nE '\bMHD_' $(src '' | grep -v '^src/http/server.c$') /dev/null)"
check "core reads no clock and does no I/O" \
  "$(grep_code '(^|[^a-z_])(time|clock_gettime|gettimeofday|localtime(_r)?|gmtime(_r)?|fopen|fread|fwrite|printf|fprintf|puts|getenv|open|read|write)[[:space:]]*\(' $(src core))"
check "core allocates only through an Arena" \
  "$(grep_code '(^|[^a-z_])(malloc|calloc|realloc|free|strdup)[[:space:]]*\(' $(src core))"
check "exit() only in cli/" \
  "$(grep_code '(^|[^a-z_])_?exit[[:space:]]*\(' $(src '' | grep -v '^src/cli/'))"
check "every source file starts with a header comment" \
  "$(for f in $(src '') $(find tests bench -name '*.c' 2>/dev/null); do head -c 2 "$f" | grep -q '/\*' || echo "$f"; done)"
echo "1..$n"
exit $bad
