import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SeatUsage } from "@/lib/workspaces/seat-usage";

/** The workspace's seats: provisioning stops with a clear error once the limit is reached. */
export function SeatUsageCard({ seats }: { seats: SeatUsage }) {
  const percent = Math.min(100, (seats.used / Math.max(1, seats.limit)) * 100);
  const full = seats.used >= seats.limit;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Seats</CardTitle>
        <CardDescription>Active members use a seat, whoever added them; suspended members do not.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        <p className="text-2xl font-semibold" aria-label={`${seats.used} of ${seats.limit} seats used`}>
          {seats.used} <span className="text-base font-normal text-muted-foreground">of {seats.limit}</span>
        </p>
        <div
          className="h-2 rounded-full bg-muted"
          role="progressbar"
          aria-label="Seats used"
          aria-valuemin={0}
          aria-valuemax={seats.limit}
          aria-valuenow={Math.min(seats.used, seats.limit)}
        >
          <div className={full ? "h-2 rounded-full bg-destructive" : "h-2 rounded-full bg-primary"} style={{ width: `${percent}%` }} />
        </div>
        {full && <p className="text-sm text-destructive">All seats are in use: your directories cannot provision anyone new until a seat frees up.</p>}
      </CardContent>
    </Card>
  );
}
