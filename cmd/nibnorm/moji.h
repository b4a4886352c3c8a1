/*
 * moji.h: what the files of mojibake repair share (mojibake.c drives,
 * whole.c reads whole lines again, stretches.c repairs stretches).
 */
#ifndef NIBNORM_MOJI_H
#define NIBNORM_MOJI_H
#include <stddef.h>
#include <stdint.h>

#include "line.h"

/* U+FFFD or '?' put back into bytes: a byte a decoder lost. */
#define LOST 0x1A

struct moji {
	int32_t *u, *v;		/* the line, and a candidate repair */
	size_t ucap, vcap;
	unsigned char *b, *t;	/* bytes of a candidate, before and after */
	size_t bcap, tcap;	/* lost bytes are marked */
	unsigned char *out;	/* the repaired line */
	size_t ocap;
	size_t m;		/* code points in u */
	unsigned long long invalid;	/* invalid sequences read */
	unsigned long long removed;	/* controls and zero-width left out */
	long long firstbad;	/* the offset of the first */
	int32_t *x, *y;		/* a stretch with its neighbours, before */
	size_t xcap, ycap;	/* and after repair */
	int limited;		/* the last line hit PASSMAX */
	struct moji_seen *seen;	/* windows judged already (mojibake.c) */
};

/* Whether repair leaves cp out, as the line's loop will (mojibake.c). */
int moji_dropped(int32_t cp);
/* Whether v[0..vn) is clearly better text than u[0..un) (whole.c). */
int moji_better(const int32_t *v, size_t vn, const int32_t *u, size_t un);
/* Whether page p's decoders are the kind that lose undefined bytes. */
int moji_sloppy(int page);
/* The whole line read again in the code pages; 1 if it was repaired. */
int moji_fix_whole(struct moji *mj);
/* Stretches that spell UTF-8 repaired; 1 if any was (stretches.c). */
int moji_fix_stretches(struct nib_norm *nm, struct moji *mj);

#endif
