#include <string.h>

#include "json.h"
#include "out.h"
#include "utf8.h"

void
nib_json_str(const void *v, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = v;
	size_t i = 0, run;
	int32_t cp;
	int l;

	nib_out_putc('"');
	while (i < n) {
		/* Copy plain bytes in one go. */
		for (run = i; run < n && s[run] >= 0x20 && s[run] < 0x80 &&
		    s[run] != '"' && s[run] != '\\'; run++)
			;
		nib_out_write(s + i, run - i);
		if ((i = run) == n)
			break;
		if (s[i] >= 0x80) {
			l = nib_utf8_decode(s + i, n - i, &cp);
			if (cp < 0)
				nib_out_str("\\ufffd");
			else if (cp == 0x2028 || cp == 0x2029)
				nib_out_str(cp == 0x2028 ? "\\u2028" : "\\u2029");
			else
				nib_out_write(s + i, (size_t)l);
			i += (size_t)l;
			continue;
		}
		switch (s[i]) {
		case '"': nib_out_str("\\\""); break;
		case '\\': nib_out_str("\\\\"); break;
		case '\n': nib_out_str("\\n"); break;
		case '\t': nib_out_str("\\t"); break;
		case '\r': nib_out_str("\\r"); break;
		case '\b': nib_out_str("\\b"); break;
		case '\f': nib_out_str("\\f"); break;
		default:
			nib_out_str("\\u00");
			nib_out_putc(hex[s[i] >> 4]);
			nib_out_putc(hex[s[i] & 15]);
		}
		i++;
	}
	nib_out_putc('"');
}

void
nib_json_cstr(const char *s)
{
	if (s == NULL)
		nib_out_str("null");
	else
		nib_json_str(s, strlen(s));
}

void
nib_tsv_str(const void *v, size_t n)
{
	const unsigned char *s = v;
	size_t i = 0, run;

	while (i < n) {
		for (run = i; run < n && s[run] != '\t' && s[run] != '\n' &&
		    s[run] != '\r' && s[run] != '\\'; run++)
			;
		nib_out_write(s + i, run - i);
		if ((i = run) == n)
			break;
		switch (s[i++]) {
		case '\t': nib_out_str("\\t"); break;
		case '\n': nib_out_str("\\n"); break;
		case '\r': nib_out_str("\\r"); break;
		default: nib_out_str("\\\\"); break;
		}
	}
}
