// `node e2e/lib/serve-cli.mjs --dir dist --port 8080`: serves a folder on 127.0.0.1 (used by scripts/serve).
import { parseArgs } from 'node:util';
import { startServer } from './server.mjs';

const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string', default: '8080' } } });
const { origin } = await startServer({ mounts: [{ prefix: '/', dir: values.dir }], port: Number(values.port) });
console.log(`Demo clinic page: ${origin}/`);
console.log(`Two widgets on one page: ${origin}/demo/two-clinics.html`);
console.log('Press Ctrl+C to stop.');
