"use client";

import Link from "next/link";
import { useNewToken } from "./new-token";

/** What to paste into the IdP's token field: the token shown above, or where to get a new one. */
export function TokenFieldHint({ directoryId }: { directoryId: string }) {
  const { token } = useNewToken();
  if (token) return <span>Your new bearer token, shown above.</span>;
  return (
    <span>
      The bearer token you copied when it was created. Lost it?{" "}
      <Link href={`/console/directories/${directoryId}/tokens`} className="font-medium text-foreground underline underline-offset-4">
        Create a new one on the Tokens tab
      </Link>
      .
    </span>
  );
}
