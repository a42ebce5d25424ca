import { LogOutIcon } from "lucide-react";
import { signOutAction } from "@/lib/actions/sign-out";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="ghost">
        <LogOutIcon aria-hidden />
        Sign out
      </Button>
    </form>
  );
}
