// quotepeer.mjs: npm compromise as a quotation extractor, for
// tests/bench/nibquote.sh.  Reads files (or standard input), runs
// nlp(paragraph).quotations() on each line, as nibquote reads each line as
// a paragraph, and prints one record a quotation in nibquote's TSV shape
// (doc, line, start, end, speaker, verb, kind, text) so that
// tests/bench/quote-score.sh can score it: compromise gives no offsets, speaker
// or kind, so those are 0, empty and "full".  The package is looked up
// from $NIB_NPM (a directory holding node_modules).
import { createRequire } from 'node:module';
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.env.NIB_NPM || '.', 'node_modules', 'x.js'));
const nlp = (await import(require.resolve('compromise'))).default;
const marks = /^[\s"'“”‘’«»‹›„‚]+|[\s"'“”‘’«»‹›„‚,.]+$/g;

const out = [];
const files = process.argv.length > 2 ? process.argv.slice(2) : [0];
files.forEach((f, k) => {
	readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
		if (line.trim() === '')
			return;
		for (const q of nlp(line).quotations().out('array'))
			out.push(`${k + 1}\t${i + 1}\t0\t0\t\t\tfull\t${q.replace(marks, '')}\n`);
	});
});
const b = Buffer.from(out.join(''));
for (let off = 0; off < b.length; )
	off += writeSync(1, b, off);
