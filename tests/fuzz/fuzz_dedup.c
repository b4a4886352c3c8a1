/*
 * Fuzz target: key folding, near repeats and block output on any bytes
 * (the first byte picks the threshold and the key mode).
 */
#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

#include "../../cmd/nibdedup/dedup.h"
#include "mem.h"
#include "near.h"
#include "out.h"
#include "sent.h"
#include "tokens.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int devnull = -1;
	static struct nib_keybuf kb;
	static struct nib_near nr;
	struct span rm[64];
	struct nib_sent ss;
	static uint64_t *h;
	static size_t hcap;
	size_t pos, a, b, n, nh = 0, nrm = 0, sa, sb;

	if (devnull < 0) {
		devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDOUT_FILENO);
	}
	if (size == 0)
		return 0;
	int mode = data[0] % 3;
	double t = (data[0] >> 2) / 63.0;
	data++, size--;
	nib_key_make(&kb, mode, data, size);
	nib_key_fold(&kb, NIB_KEY_FOLD, data, size);
	nib_near_reset(&nr);
	nib_sent_init(&ss, data, size);
	while (nib_sent_next(&ss, &sa, &sb)) {
		if (sa >= sb || sb > size)
			__builtin_trap();
		pos = n = 0;
		while (n < 256 && nib_token_next(data + sa, sb - sa, &pos, &a, &b)) {
			NIB_GROW(h, hcap, nh + n + 1);
			h[nh + n++] = nib_key_token(&kb, data + sa + a, b - a);
		}
		nib_near_add(&nr, nh, n, n % 7 == 0);
		nh += n;
		if (nrm < 64 && n > 0 && (h[nh - n] & 1)) {
			rm[nrm].a = sa;
			rm[nrm++].b = sb;
		}
	}
	nib_near_run(&nr, h, t > 0 ? t : 0.01, 2);
	for (size_t i = 0; i < nr.n; i++)
		if (nr.u[i].by >= (long)nr.n || nr.u[i].by == (long)i)
			__builtin_trap();
	dd_emit_block(data, size, rm, nrm);
	nib_out_flush();
	return 0;
}
