/*
 * report: what nibstrip writes about a removal (-n, -v): the text alone,
 * or a record of where it was and which rule took it.
 */
#ifndef NIBSTRIP_REPORT_H
#define NIBSTRIP_REPORT_H
#include "reader.h"
#include "strip.h"

/* The fields of a record, in order (the TSV header line). */
extern const char *const strip_report_keys[];

/*
 * Writes the removal p of line s (blanks around it trimmed) to fd (1:
 * standard output, buffered; 2: standard error, one write a record): its
 * text alone when rec is 0, else a record, in JSON when json is set.
 */
void strip_report(const struct strip_set *set, const struct nib_reader *r,
    const unsigned char *s, const struct strip_span *p, int fd, int rec, int json);
/* Frees what strip_report keeps between calls. */
void strip_report_free(void);

#endif
