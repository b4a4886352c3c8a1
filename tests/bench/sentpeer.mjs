// sentpeer.mjs PEER: an npm sentence segmenter as a filter, for
// tests/bench/nibsent.sh.  Reads standard input, feeds it to PEER ("sbd" or
// "sentence-splitter") one line at a time, as nibsent splits each line on
// its own, and prints one sentence a line.  The packages are looked up
// through NODE_PATH-free resolution from $NIB_NPM (a directory holding
// node_modules).
import { createRequire } from 'node:module';
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const peer = process.argv[2];
const require = createRequire(join(process.env.NIB_NPM || '.', 'node_modules', 'x.js'));
let split;
if (peer === 'sbd') {
	const sbd = require('sbd');
	split = (line) => sbd.sentences(line, { newline_boundaries: false });
} else if (peer === 'sentence-splitter') {
	const ss = await import(require.resolve('sentence-splitter').replace(/\/lib\/[^/]*$/, '/module/sentence-splitter.js'));
	split = (line) => ss.split(line).filter((n) => n.type === 'Sentence').map((n) => n.raw);
} else {
	process.stderr.write(`sentpeer: unknown peer: ${peer}\n`);
	process.exit(2);
}

const out = [];
let size = 0;
function flush() {
	const b = Buffer.from(out.join(''));
	for (let off = 0; off < b.length; )
		off += writeSync(1, b, off);
	out.length = 0;
	size = 0;
}
for (const line of readFileSync(0, 'utf8').split('\n')) {
	if (line.trim() === '')
		continue;
	for (const s of split(line)) {
		out.push(s.trim(), '\n');
		size += s.length;
	}
	if (size > 1 << 20)
		flush();
}
flush();
