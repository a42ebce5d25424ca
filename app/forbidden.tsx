import Link from "next/link";
import { ShieldAlertIcon } from "lucide-react";
import { SignOutButton } from "@/components/console/sign-out-button";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md space-y-4 text-center">
        <ShieldAlertIcon className="mx-auto size-10 text-muted-foreground" aria-hidden />
        <h1 className="text-xl font-semibold">You don’t have access to the admin console</h1>
        <p className="text-sm text-muted-foreground">
          Only workspace owners and admins can manage directory sync. Ask an owner of your workspace if you need access.
        </p>
        <div className="flex justify-center gap-2">
          <Button variant="outline" asChild>
            <Link href="/login">Use another account</Link>
          </Button>
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
