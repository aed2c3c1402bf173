// What the numbers were measured on.
import os from 'node:os';
import fs from 'node:fs';

export interface Machine {
  cpus: number;
  cpu_model: string;
  ram_gb: number;
  os: string;
  node: string;
  /** 1-minute load average when the figure was taken (2 cores: ≥2 means fully contended) */
  loadavg_start: number[];
  engine_version?: string;
  engine_settings?: Record<string, string>;
}

export function describeMachine(): Machine {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const rel = fs.readFileSync('/etc/os-release', 'utf8');
    const m = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(rel);
    if (m) osName = `${m[1]} (${os.release()})`;
  } catch {
    /* not Linux */
  }
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    ram_gb: Math.round(os.totalmem() / 2 ** 30),
    os: osName,
    node: process.version,
    loadavg_start: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}
