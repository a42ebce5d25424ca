import type { SimulationReport, SimulationStep } from "./simulation-report";

export function formatStep(step: SimulationStep): string {
  const status = step.status === null ? "—" : String(step.status);
  const detail = step.detail ? `: ${step.detail}` : "";
  return `${step.ok ? "✓" : "✗"} ${step.method} ${step.path} → ${status}  ${step.name}${detail}`;
}

export function formatSummary(report: SimulationReport): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const skipped = report.skipped > 0 ? ` (${report.skipped} of them skipped)` : "";
  return `${report.profile}: ${report.passed} passed, ${report.failed} failed${skipped} in ${seconds} s; run ${report.runId}`;
}
