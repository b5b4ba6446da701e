/* multipart.h — a small, strictly bounded reader of multipart/form-data bodies (RFC 7578): what a
 * browser sends for a form with a file field. Every part must carry Content-Disposition:
 * form-data with a name; a part with a filename is a file. Limits on parts, header bytes, name
 * bytes, plain-field bytes and file bytes are checked before anything is copied.
 * Must not: know any domain word, or accept a body it cannot account for byte by byte. */
#ifndef INSATS_BASE_MULTIPART_H
#define INSATS_BASE_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

typedef struct {
  const char *name;     /* the form field's name */
  const char *filename; /* NULL for a plain field; "" when the browser sent no file */
  const char *data;     /* the content, copied and NUL-terminated */
  size_t len;
} MultipartPart;

typedef struct {
  size_t max_parts;  /* parts in the body */
  size_t max_header; /* bytes of one part's header block */
  size_t max_name;   /* bytes of a name or filename */
  size_t max_field;  /* bytes of a plain field's content */
  size_t max_file;   /* bytes of a file's content */
} MultipartLimits;

#define MULTIPART_MAX_BOUNDARY 70 /* RFC 2046 */

/* The boundary parameter of a "multipart/form-data; boundary=…" Content-Type (quoted or not,
 * 1–70 characters); false when the type is not multipart/form-data or has no valid boundary. */
bool multipart_boundary(const char *content_type, char out[MULTIPART_MAX_BOUNDARY + 1]);

/* Splits body into parts (arena copies). ERR_INVALID for a malformed body, ERR_TOO_LARGE when a
 * limit is exceeded; *parts and *n are then unspecified. */
bool multipart_parse(Arena *a, const char *body, size_t len, const char *boundary,
                     const MultipartLimits *lim, MultipartPart **parts, size_t *n, Err *e);

#endif
