// Times each workload inside one node process (compile once, then instantiate and run _start per
// run), the in-process counterpart of WorkloadBenchmark. Prints TSV: workload, scale, median ms, runs.
// usage: node node-times.mjs <workloads/wasm dir> <scale> <runs> <workload>...
import { readFileSync, openSync, closeSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [dir, scaleText, runsText, ...workloads] = process.argv.slice(2);
const runs = Number(runsText);
const devNull = openSync('/dev/null', 'w');
console.log('workload\tscale\tmedian_ms\truns');
for (const name of workloads) {
  const module = await WebAssembly.compile(readFileSync(`${dir}/${name}.wasm`));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const wasi = new WASI({ version: 'preview1', args: [name, scaleText], env: {}, stdout: devNull, returnOnExit: true });
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    const status = wasi.start(instance);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (status !== 0) throw new Error(`${name} exited with ${status}`);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  console.log(`${name}\t${scaleText}\t${median.toFixed(3)}\t${runs}`);
}
closeSync(devNull);
