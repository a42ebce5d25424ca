// Process figures straight from Linux's /proc: the tree under the server, its memory, and the
// CPU time of the server and of PostgreSQL, so a phase can say which side was busy.
import { execSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

type Stat = { pid: number; comm: string; ppid: number; cpuTicks: number };

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    return {
      pid,
      comm: text.slice(text.indexOf("(") + 1, close),
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]), // utime + stime
    };
  } catch {
    return undefined; // exited while we looked
  }
}

function allStats(): Stat[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== undefined);
}

export function rssBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const ticksPerSecond = Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;

export type CpuUse = { serverPercent: number; postgresPercent: number; benchPercent: number; otherPercent: number };

/** CPU time the whole machine spent busy (not idle or waiting for I/O), from /proc/stat. */
function machineBusyTicks(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  return [user, nice, system, irq, softirq, steal].reduce((sum: number, n) => sum + (n ?? 0), 0);
}

/**
 * Starts measuring CPU; the returned function gives each side's use since then, in percent of one
 * core (200 % = both cores of a 2-core machine). PostgreSQL counts every process named `postgres`;
 * "other" is whatever else kept the machine busy meanwhile, which makes the figures unreliable.
 */
export function measureCpu(serverPid: number): () => CpuUse {
  const ticks = () => {
    const stats = allStats();
    return {
      server: stats.find((stat) => stat.pid === serverPid)?.cpuTicks ?? 0,
      postgres: stats.filter((stat) => stat.comm === "postgres").reduce((sum, stat) => sum + stat.cpuTicks, 0),
      machine: machineBusyTicks(),
    };
  };
  const startedAt = performance.now();
  const start = ticks();
  const startBench = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const end = ticks();
    const bench = process.cpuUsage(startBench);
    const percent = (cpuSeconds: number) => Math.round((cpuSeconds / seconds) * 100);
    const server = (end.server - start.server) / ticksPerSecond;
    const postgres = (end.postgres - start.postgres) / ticksPerSecond;
    const benchSeconds = (bench.user + bench.system) / 1e6;
    const machine = (end.machine - start.machine) / ticksPerSecond;
    return {
      serverPercent: percent(server),
      postgresPercent: percent(postgres),
      benchPercent: percent(benchSeconds),
      otherPercent: Math.max(0, percent(machine - server - postgres - benchSeconds)),
    };
  };
}

/** Samples the server's RSS every `intervalMs`, keeping the maximum overall and per phase. */
export function sampleRss(pid: number, intervalMs = 250) {
  let phase = "start-up";
  let max = 0;
  const maxByPhase: Record<string, number> = {};
  const sample = () => {
    const rss = rssBytes(pid);
    if (rss === undefined) return;
    max = Math.max(max, rss);
    maxByPhase[phase] = Math.max(maxByPhase[phase] ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    setPhase: (name: string) => {
      sample();
      phase = name;
    },
    stop: () => {
      clearInterval(timer);
      sample();
      return { maxRssBytes: max, maxRssBytesByPhase: maxByPhase };
    },
  };
}
