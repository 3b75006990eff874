// Writes dist/ouderstem.js.br and dist/ouderstem.js.gz beside the CDN build, compressed once at
// the highest level. The reference server sends them to browsers that accept them (@fastify/static
// `preCompressed`), and a web server such as nginx can do the same (`brotli_static`, `gzip_static`),
// so a parent's phone downloads about 40 KiB instead of 145.
import { readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const file = new URL('../dist/ouderstem.js', import.meta.url);
const code = await readFile(file);
const brotli = brotliCompressSync(code, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
  },
});
const gzip = gzipSync(code, { level: 9 });
await writeFile(new URL('ouderstem.js.br', file), brotli);
await writeFile(new URL('ouderstem.js.gz', file), gzip);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`dist/ouderstem.js ${kib(code.length)} → .br ${kib(brotli.length)}, .gz ${kib(gzip.length)}`);
