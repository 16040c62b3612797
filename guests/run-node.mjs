// Runs one WASI guest under node's own wasi_snapshot_preview1 to record reference output.
// usage: node run-node.mjs <module.wasm> [--preopen GUEST=HOST]... [--env KEY=VALUE]... [-- ARG...]
// argv[0] seen by the guest is the module's file name without directory and extension.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [wasmPath, ...rest] = process.argv.slice(2);
const preopens = {};
const env = {};
const args = [basename(wasmPath, '.wasm')];
for (let i = 0; i < rest.length; i++) {
  const option = rest[i];
  if (option === '--') { args.push(...rest.slice(i + 1)); break; }
  const [key, value] = rest[++i].split(/=(.*)/s, 2);
  if (option === '--preopen') preopens[key] = value;
  else if (option === '--env') env[key] = value;
  else throw new Error(`unknown option ${option}`);
}

const wasi = new WASI({ version: 'preview1', args, env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
