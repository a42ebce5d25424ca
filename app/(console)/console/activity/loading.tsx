import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading activity">
      <Skeleton className="h-8 w-48" />
      <div className="flex flex-wrap gap-3">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-40" />
        ))}
      </div>
      <Skeleton className="h-96" />
    </div>
  );
}
