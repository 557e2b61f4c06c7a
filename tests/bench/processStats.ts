// What the benchmark reads of a server process from /proc (Linux): its resident memory, and the
// CPU time it used, to tell which process was the limit in a scenario.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** Resident memory in KB (VmRSS). */
export function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]);
}

/** CPU seconds used so far (user + system). */
function cpuSeconds(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()!.split(" ");
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Starts counting; `share()` is the CPU used since, as a share of one core (1 = one core busy). */
export function cpuMeter(pid: number) {
  const cpu = cpuSeconds(pid);
  const started = performance.now();
  return { share: () => (cpuSeconds(pid) - cpu) / ((performance.now() - started) / 1000) };
}
