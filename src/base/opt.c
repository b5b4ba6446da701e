/* opt.c — option parsing (see opt.h). */
#include "base/opt.h"

#include <string.h>

static const OptSpec *find(const OptSpec *specs, const char *name, size_t len) {
  for (const OptSpec *s = specs; s && s->name; s++)
    if (strlen(s->name) == len && strncmp(s->name, name, len) == 0) return s;
  return NULL;
}

bool opt_parse(int argc, char **argv, const OptSpec *specs, const char **pos, int pos_cap,
               int *npos, Err *e) {
  bool only_pos = false;
  *npos = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!only_pos && strcmp(a, "--") == 0) {
      only_pos = true;
      continue;
    }
    if (!only_pos && a[0] == '-' && a[1] == '-' && a[2]) {
      const char *name = a + 2;
      const char *eq = strchr(name, '=');
      size_t len = eq ? (size_t)(eq - name) : strlen(name);
      const OptSpec *s = find(specs, name, len);
      if (!s) return err_set(e, ERR_INVALID, a, "", "unknown option: %.*s", (int)len + 2, a);
      if (s->takes_value) {
        const char *v = eq ? eq + 1 : NULL;
        if (!v) {
          if (i + 1 >= argc) return err_set(e, ERR_INVALID, a, "", "option --%s needs a value", s->name);
          v = argv[++i];
        }
        if (s->value) *s->value = v;
      } else {
        if (eq) return err_set(e, ERR_INVALID, a, "", "option --%s takes no value", s->name);
        if (s->flag) *s->flag = true;
      }
      continue;
    }
    if (*npos >= pos_cap) return err_set(e, ERR_INVALID, a, "", "unexpected argument: %s", a);
    pos[(*npos)++] = a;
  }
  return true;
}
