// Preloaded into a server process (NODE_OPTIONS=--import <this file>; --cpu-prof is not allowed there): the first SIGUSR2
// starts a V8 CPU profile, the next one writes it to $DAIHOI_CPU_PROF_DIR (for speedscope or Chrome's DevTools), so a
// benchmark can profile one phase only (bench/vote-burst.bench.ts: the burst).
import fs from 'node:fs';
import path from 'node:path';
import inspector from 'node:inspector';

const dir = process.env.DAIHOI_CPU_PROF_DIR ?? '.';
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 250 });
let running = false;
let n = 0;
process.on('SIGUSR2', () => {
  if (!running) {
    session.post('Profiler.start');
    running = true;
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, r) => {
    if (!err) fs.writeFileSync(path.join(dir, `server-${process.pid}-${++n}.cpuprofile`), JSON.stringify(r.profile));
  });
});
