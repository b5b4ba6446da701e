/* csv.c — splitting one line of a semicolon-separated file (see csv.h). */
#include "base/csv.h"

#include <stdbool.h>
#include <string.h>

int csv_split(const char *s, size_t len, char f[][CSV_FIELD_MAX], int max_fields,
              const char **why) {
  int nf = 0;
  size_t i = 0;
  for (;;) {
    if (nf >= max_fields) {
      *why = "Raden har för många kolumner (åtskilda av semikolon).";
      return -1;
    }
    size_t w = 0;
    bool quoted = i < len && s[i] == '"';
    if (quoted) i++;
    for (; i < len; i++) {
      char c = s[i];
      if (quoted && c == '"') {
        if (i + 1 < len && s[i + 1] == '"') {
          i++;
        } else {
          quoted = false;
          i++;
          break;
        }
      } else if (!quoted && c == ';') {
        break;
      }
      if (w + 1 >= CSV_FIELD_MAX) {
        *why = "Ett fält är för långt (högst 255 byte).";
        return -1;
      }
      f[nf][w++] = c;
    }
    if (quoted) {
      *why = "Ett citattecken avslutas inte på raden.";
      return -1;
    }
    if (i < len && s[i] != ';') {
      *why = "Text efter ett citerat fält: avsluta fältet med semikolon.";
      return -1;
    }
    /* blanks around unquoted content are not part of it */
    size_t b = 0;
    while (b < w && (f[nf][b] == ' ' || f[nf][b] == '\t'))
      b++;
    while (w > b && (f[nf][w - 1] == ' ' || f[nf][w - 1] == '\t'))
      w--;
    memmove(f[nf], f[nf] + b, w - b);
    f[nf][w - b] = '\0';
    nf++;
    if (i >= len) break;
    i++; /* the ';' */
  }
  return nf;
}
