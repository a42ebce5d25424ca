import { CircleCheckIcon, CircleXIcon, TriangleAlertIcon } from "lucide-react";
import type { ConnectionCheck, ConnectionCheckStatus } from "@/lib/directories/test-connection";
import { cn } from "@/lib/cn";

const statusStyles: Record<ConnectionCheckStatus, { icon: typeof CircleCheckIcon; label: string; className: string }> = {
  pass: { icon: CircleCheckIcon, label: "Passed", className: "text-success" },
  warn: { icon: TriangleAlertIcon, label: "Warning", className: "text-warning-foreground" },
  fail: { icon: CircleXIcon, label: "Failed", className: "text-destructive" },
};

export function CheckList({ checks, busy }: { checks: ConnectionCheck[]; busy?: boolean }) {
  return (
    <ul aria-label="Connection checks" aria-busy={busy} className={cn("divide-y rounded-md border", busy && "opacity-60")}>
      {checks.map((check) => {
        const style = statusStyles[check.status];
        const Icon = style.icon;
        return (
          <li key={check.id} className="flex gap-3 p-3" aria-label={`${check.label}: ${style.label}`}>
            <Icon className={cn("mt-0.5 size-5 shrink-0", style.className)} aria-hidden />
            <div className="min-w-0 space-y-0.5">
              <p className="text-sm font-medium">
                {check.label} <span className={cn("ml-1 text-xs font-normal", style.className)}>{style.label}</span>
              </p>
              <p className="text-sm break-words text-muted-foreground">{check.detail}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
