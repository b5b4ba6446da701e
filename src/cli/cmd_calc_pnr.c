/* cmd_calc_pnr.c — `insats calc pnr` and `insats calc orgnr`: check identity numbers given as
 * arguments, or one per line on stdin, and print one JSON object per number (docs/cli/pnr.md).
 *
 * A stream: stdin is read through a fixed buffer, a line longer than PNR_INPUT_MAX bytes is
 * reported (its first bytes echoed) without being kept, and the output buffer is reused, so
 * memory does not grow with the number or length of lines. One output line per input line,
 * blank lines included, so the output can be pasted beside the input.
 * Exit status: 0 when every line was processed, valid or not; 2 on bad options; 4 when stdin
 * cannot be read or stdout written.
 * Must not: hold a rule (core/pnr.c and core/orgnr.c do). */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "base/opt.h"
#include "base/str.h"
#include "cli/cli.h"
#include "core/orgnr.h"
#include "core/pnr.h"

#define OUT_FLUSH_AT (64 * 1024)

typedef struct {
  bool orgnr;     /* `calc orgnr` rather than `calc pnr` */
  Date today;     /* the reference date for the century rule */
  unsigned flags; /* pnr_parse_ex flags */
} PnrRun;

/* One line of input as read: at most PNR_INPUT_MAX + 1 bytes kept, so that core sees an
 * over-long line as too long without the CLI holding all of it. */
typedef struct {
  char text[PNR_INPUT_MAX + 2];
  size_t kept;  /* bytes in text */
  size_t total; /* the line's full length */
  bool has_nul; /* a NUL byte inside: the C string would hide the rest */
} Line;

typedef struct {
  FILE *f;
  char buf[64 * 1024];
  size_t pos, len;
  bool eof;
} LineReader;

/* Reads the next line (without its "\n", and without a "\r" before it). Returns false at the
 * end of input; *failed is set when the stream reported an error. */
static bool reader_next(LineReader *r, Line *line, bool *failed) {
  line->kept = line->total = 0;
  line->has_nul = false;
  bool got = false;
  char last = 0;
  for (;;) {
    if (r->pos == r->len) {
      if (r->eof) break;
      r->len = fread(r->buf, 1, sizeof r->buf, r->f);
      r->pos = 0;
      if (r->len == 0) {
        r->eof = true;
        if (ferror(r->f)) *failed = true;
        break;
      }
    }
    const char *start = r->buf + r->pos;
    size_t avail = r->len - r->pos;
    const char *nl = memchr(start, '\n', avail);
    size_t chunk = nl ? (size_t)(nl - start) : avail;
    if (chunk > 0) {
      got = true;
      if (memchr(start, '\0', chunk)) line->has_nul = true;
      size_t room = sizeof line->text - 1 - line->kept;
      size_t copy = chunk < room ? chunk : room;
      memcpy(line->text + line->kept, start, copy);
      line->kept += copy;
      line->total += chunk;
      last = start[chunk - 1];
    }
    r->pos += chunk;
    if (nl) {
      r->pos++; /* the newline */
      got = true;
      break;
    }
  }
  if (last == '\r') { /* CRLF files */
    line->total--;
    if (line->kept > line->total) line->kept = line->total;
  }
  line->text[line->kept] = '\0';
  return got;
}

/* The echoed input: at most PNR_INPUT_MAX bytes, flagged when cut. */
static void emit_input(JsonW *w, const char *text, size_t total) {
  size_t n = total > PNR_INPUT_MAX ? PNR_INPUT_MAX : total;
  jsonw_key(w, "input");
  jsonw_strn(w, text, n);
  if (total > PNR_INPUT_MAX) jsonw_kbool(w, "input_truncated", true);
}

static void emit_error(JsonW *w, const char *code, const char *msg) {
  jsonw_kbool(w, "valid", false);
  jsonw_kstr(w, "error_code", code);
  jsonw_kstr(w, "error", msg);
}

static void emit_pnr(const PnrRun *run, const Line *line, JsonW *w) {
  Pnr p;
  Err e;
  err_clear(&e);
  PnrError why =
      line->has_nul ? PNR_ERR_CHAR : pnr_parse_ex(line->text, run->today, run->flags, &p, &e);
  if (why != PNR_OK) {
    emit_error(w, pnr_error_name(why), line->has_nul ? "Raden innehåller ett NUL-tecken." : e.msg);
    return;
  }
  char short_form[PNR_SHORT_SIZE], date[DATE_STRLEN];
  jsonw_kbool(w, "valid", true);
  jsonw_kstr(w, "kind", pnr_kind_name(p.kind));
  jsonw_kstr(w, "pnr", p.pnr);
  jsonw_kstr(w, "pnr10", pnr_format_short(&p, run->today, short_form));
  if (p.birth_known) {
    jsonw_kstr(w, "birth_date", date_format(p.birth, date));
  } else {
    jsonw_kint(w, "birth_year", p.birth_year);
    jsonw_kstr(w, "birth_date_status", pnr_date_status_name(p.date_status));
  }
  char sex[2] = {p.sex, '\0'};
  jsonw_kstr(w, "sex", sex);
}

static void emit_orgnr(const PnrRun *run, const Line *line, JsonW *w) {
  Orgnr o;
  Err e;
  err_clear(&e);
  OrgnrError why = line->has_nul ? ORGNR_ERR_CHAR : orgnr_parse_ex(line->text, run->today, &o, &e);
  if (why != ORGNR_OK) {
    emit_error(w, orgnr_error_name(why),
               line->has_nul ? "Raden innehåller ett NUL-tecken." : e.msg);
    if (why == ORGNR_ERR_PERSON) jsonw_kstr(w, "pnr_error_code", pnr_error_name(o.pnr_error));
    return;
  }
  jsonw_kbool(w, "valid", true);
  if (o.kind == ORGNR_ORGANISATION) {
    jsonw_kstr(w, "kind", "organisationsnummer");
    jsonw_kstr(w, "orgnr", o.orgnr);
    jsonw_kstr(w, "orgnr12", o.orgnr12);
    jsonw_kint(w, "group", o.group);
    jsonw_kstr(w, "group_name", orgnr_group_name(o.group));
  } else {
    jsonw_kstr(w, "kind", pnr_kind_name(o.person.kind));
    jsonw_kstr(w, "orgnr", o.orgnr);
    jsonw_kstr(w, "orgnr12", o.orgnr12);
    jsonw_kstr(w, "pnr", o.person.pnr);
  }
}

/* Appends one JSON line for `line` to out. */
static void emit_line(const PnrRun *run, const Line *line, Str *out) {
  JsonW w;
  jsonw_init(&w, out, false);
  jsonw_obj_begin(&w);
  emit_input(&w, line->text, line->total);
  if (run->orgnr)
    emit_orgnr(run, line, &w);
  else
    emit_pnr(run, line, &w);
  jsonw_obj_end(&w);
  str_putc(out, '\n');
}

static void line_from_arg(const char *arg, Line *line) {
  size_t n = strnlen(arg, sizeof line->text - 1);
  memcpy(line->text, arg, n);
  line->text[n] = '\0';
  line->kept = n;
  line->total = n < sizeof line->text - 1 ? n : strlen(arg);
  line->has_nul = false;
}

static bool flush_out(Str *out) {
  bool ok = fwrite(str_cstr(out), 1, out->len, stdout) == out->len;
  str_reset(out);
  return ok;
}

static void print_usage(bool orgnr) {
  if (orgnr) {
    printf("Usage: insats calc orgnr [--today YYYY-MM-DD] [NUMBER...]\n\n"
           "Checks organisationsnummer (a sole trader's personnummer is accepted in its place)\n"
           "given as arguments, or one per line on stdin; prints one JSON object per number.\n"
           "  --today DATE    reference date for a personnummer's century (default: today)\n");
  } else {
    printf("Usage: insats calc pnr [--today YYYY-MM-DD] [--allow-interim] [--strict-dates] "
           "[NUMBER...]\n\n"
           "Checks personnummer and samordningsnummer given as arguments, or one per line on\n"
           "stdin; prints one JSON object per number.\n"
           "  --today DATE      reference date for the century of 10-digit forms (default: "
           "today)\n"
           "  --allow-interim   accept interim numbers (a letter in the birth number)\n"
           "  --strict-dates    refuse samordningsnummer whose date part is no calendar date\n");
  }
  printf("Details: docs/cli/pnr.md\n");
}

/* Checks every number (the positional arguments, or stdin's lines) and prints the JSON lines;
 * returns the exit status. */
static int run_numbers(const PnrRun *run, const char *cmd, const char **args, int nargs) {
  Str out = STR_INIT;
  Line line;
  Err e;
  err_clear(&e);
  int rc = 0;
  bool write_ok = true;
  if (nargs > 0) {
    for (int i = 0; i < nargs; i++) {
      line_from_arg(args[i], &line);
      emit_line(run, &line, &out);
    }
  } else {
    LineReader reader = {.f = stdin};
    bool read_failed = false;
    while (reader_next(&reader, &line, &read_failed)) {
      emit_line(run, &line, &out);
      if (out.len >= OUT_FLUSH_AT && !flush_out(&out)) write_ok = false;
    }
    if (read_failed) {
      err_set(&e, ERR_IO, "stdin", "", "kunde inte läsa indata");
      rc = cli_fail(cmd, &e);
    }
  }
  if (!flush_out(&out) || fflush(stdout) != 0 || !write_ok) {
    err_set(&e, ERR_IO, "stdout", "", "kunde inte skriva utdata");
    rc = cli_fail(cmd, &e);
  }
  str_free(&out);
  return rc;
}

int cmd_calc_pnr(int argc, char **argv) {
  PnrRun run = {.orgnr = argc > 0 && strcmp(argv[0], "orgnr") == 0};
  const char *cmd = run.orgnr ? "calc orgnr" : "calc pnr";
  const char *today_arg = NULL;
  bool allow_interim = false, strict_dates = false, help = false;
  const OptSpec pnr_opts[] = {
      {"today", true, &today_arg, NULL, "reference date YYYY-MM-DD (default: today)"},
      {"allow-interim", false, NULL, &allow_interim, "accept interim numbers"},
      {"strict-dates", false, NULL, &strict_dates, "refuse impossible samordningsnummer dates"},
      {"help", false, NULL, &help, "this text"},
      {NULL, false, NULL, NULL, NULL},
  };
  const OptSpec orgnr_opts[] = {
      {"today", true, &today_arg, NULL, "reference date YYYY-MM-DD (default: today)"},
      {"help", false, NULL, &help, "this text"},
      {NULL, false, NULL, NULL, NULL},
  };

  Arena arena;
  arena_init(&arena, 0);
  int nargs = argc > 1 ? argc - 1 : 0, npos = 0;
  const char **pos = arena_array(&arena, (size_t)nargs + 1, sizeof *pos);
  Err e;
  err_clear(&e);
  int rc;
  if (!opt_parse(nargs, argv + 1, run.orgnr ? orgnr_opts : pnr_opts, pos, nargs, &npos, &e) ||
      !cli_today(today_arg, &run.today, &e)) {
    rc = cli_fail(cmd, &e);
  } else if (help) {
    print_usage(run.orgnr);
    rc = 0;
  } else {
    run.flags = (allow_interim ? PNR_ALLOW_INTERIM : 0u) | (strict_dates ? PNR_STRICT_DATES : 0u);
    rc = run_numbers(&run, cmd, pos, npos);
  }
  arena_free(&arena);
  return rc;
}
