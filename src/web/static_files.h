/* static_files.h — the CSS and JavaScript compiled into the binary (tools/embed_static.sh
 * generates the table from src/web/static/). Must not: be edited by hand in its generated part. */
#ifndef INSATS_WEB_STATIC_FILES_H
#define INSATS_WEB_STATIC_FILES_H

#include <stddef.h>

#include "http/http.h"

typedef struct {
  const char *name; /* "app.css" */
  HttpStatic file;  /* served at file.path, which carries a hash of the content */
} WebStaticFile;

extern const WebStaticFile web_static_files[];
extern const size_t web_static_count;

/* The URL of a static file by name ("app.css"); "" if there is none. */
const char *web_static_url(const char *name);

#endif
