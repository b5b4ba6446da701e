/* sql.c — the statement texts of sql.h's table. */
#include "store/sql.h"

const char *const sql_text[SQL_COUNT] = {
#define SQL_TEXT(id, text) [id] = text,
    SQL_TABLE(SQL_TEXT)
#undef SQL_TEXT
};
