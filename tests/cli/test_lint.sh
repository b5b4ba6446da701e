# test_lint.sh — tools/lint.sh really catches what design.md forbids: it is run on a scratch tree
# with one violation per check, and on a clean one.
source tests/cli/tap.sh
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/src/core" "$root/src/base" "$root/src/web" "$root/tools"
lint() { LINT_ROOT="$root" "$INSATS_ROOT/tools/lint.sh"; }

printf '/* clean */\n#include "base/err.h"\nint f(void);\nint f(void) { return 0; }\n' >"$root/src/core/ok.c"
lint >/dev/null
ok $? "a clean tree passes"

printf '/* x */\n#include "store/store.h"\n' >"$root/src/core/bad_layer.c"
out=$(lint); echo "$out" | grep -q '^not ok .*core includes only base and core'
ok $? "core including store/ is refused"
rm "$root/src/core/bad_layer.c"

printf '/* x */\nvoid g(char *b);\nvoid g(char *b) { sprintf(b, "x"); }\n' >"$root/src/base/bad_call.c"
out=$(lint); echo "$out" | grep -q '^not ok .*no sprintf'
ok $? "sprintf is refused"
rm "$root/src/base/bad_call.c"

printf '/* x */\nconst char *q = "SELECT id FROM person";\n' >"$root/src/web/bad_sql.c"
out=$(lint); echo "$out" | grep -q '^not ok .*SQL only in store/'
ok $? "SQL outside store/ is refused"
rm "$root/src/web/bad_sql.c"

printf '/* x */\n#include <time.h>\nlong now(void);\nlong now(void) { return (long)time(0); }\n' >"$root/src/core/bad_clock.c"
out=$(lint); echo "$out" | grep -q '^not ok .*core reads no clock'
ok $? "core reading the clock is refused"
rm "$root/src/core/bad_clock.c"

printf 'int h(void);\n' >"$root/src/core/no_header.c"
out=$(lint); echo "$out" | grep -q '^not ok .*header comment'
ok $? "a file without a header comment is refused"
done_testing
