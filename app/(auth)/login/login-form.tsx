"use client";

import { useActionState } from "react";
import { KeyRoundIcon, MailIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";
import { Spinner } from "@/components/ui/spinner";
import { requestSignInLinkAction, signInWithPasswordAction, signInWithSsoAction } from "./actions";
import type { SignInFormState } from "./login.schema";

export function LoginForm({ sso, error }: { sso?: { name: string }; error?: string }) {
  const [passwordState, passwordAction, passwordPending] = useActionState(signInWithPasswordAction, {} as SignInFormState);
  const [linkState, linkAction, linkPending] = useActionState(requestSignInLinkAction, {} as SignInFormState);
  const shownError = passwordState.error ?? error;

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle className="text-xl">Sign in to Rollcall</CardTitle>
        <CardDescription>Workspace owners and admins manage directory sync here.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        {shownError && (
          <Alert variant="destructive">
            <AlertDescription>{shownError}</AlertDescription>
          </Alert>
        )}
        <form action={passwordAction} className="space-y-4" aria-label="Sign in with password">
          <div className="space-y-2">
            <Label htmlFor="email">Email</Label>
            <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={passwordState.email} />
          </div>
          <div className="space-y-2">
            <Label htmlFor="password">Password</Label>
            <Input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <Button type="submit" className="w-full" disabled={passwordPending}>
            {passwordPending ? <Spinner aria-label="Signing in" /> : <KeyRoundIcon aria-hidden />}
            Sign in
          </Button>
        </form>

        <div className="flex items-center gap-3 text-xs text-muted-foreground">
          <Separator className="flex-1" />
          or
          <Separator className="flex-1" />
        </div>

        <form action={linkAction} className="space-y-3" aria-label="Email me a sign-in link">
          <div className="space-y-2">
            <Label htmlFor="link-email">Email me a sign-in link</Label>
            <Input id="link-email" name="email" type="email" autoComplete="email" required defaultValue={linkState.email} placeholder="you@company.com" />
          </div>
          {linkState.error && <p className="text-sm text-destructive">{linkState.error}</p>}
          <Button type="submit" variant="outline" className="w-full" disabled={linkPending}>
            {linkPending ? <Spinner aria-label="Sending" /> : <MailIcon aria-hidden />}
            Send link
          </Button>
        </form>

        {sso && (
          <form action={signInWithSsoAction}>
            <Button type="submit" variant="secondary" className="w-full">
              Continue with {sso.name}
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
