"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { KeyRoundIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { forgetNewToken, peekNewToken } from "./new-token-handoff";

type NewTokenState = { token: string | undefined; dismiss: () => void };

const NewTokenContext = createContext<NewTokenState>({ token: undefined, dismiss: () => {} });

/**
 * Takes the token the create dialog handed over for this directory, if any, and keeps it in this
 * page's state only: it is forgotten as soon as the page has it, so leaving or reloading the page
 * hides it for good.
 */
export function NewTokenProvider({ directoryId, children }: { directoryId: string; children: ReactNode }) {
  const [token, setToken] = useState(() => peekNewToken(directoryId));
  useEffect(() => {
    forgetNewToken(directoryId);
  }, [directoryId]);
  return <NewTokenContext.Provider value={{ token, dismiss: () => setToken(undefined) }}>{children}</NewTokenContext.Provider>;
}

export function useNewToken(): NewTokenState {
  return useContext(NewTokenContext);
}

/** The new token, in full, once, with a copy button and a plain warning. Renders nothing otherwise. */
export function NewTokenReveal() {
  const { token, dismiss } = useNewToken();
  if (!token) return null;
  return (
    <section aria-labelledby="new-token-title" className="rounded-xl border border-warning/40 bg-warning/10 p-5 shadow-sm">
      <div className="flex items-start gap-3">
        <KeyRoundIcon className="mt-0.5 size-5 shrink-0 text-warning-foreground" aria-hidden />
        <div className="min-w-0 flex-1 space-y-3">
          <div className="space-y-1">
            <h2 id="new-token-title" className="font-semibold">
              Copy your bearer token now
            </h2>
            <p className="text-sm text-muted-foreground">
              You will not see it again: Rollcall keeps only a hash of it. Paste it into your identity provider in the steps below. If you lose
              it, create a new token on the Tokens tab.
            </p>
          </div>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className="min-w-0 flex-1 rounded-md border bg-background px-3 py-2 font-mono text-sm break-all select-all">
              {token}
            </code>
            <CopyButton value={token} label="Bearer token" />
          </div>
          <Button type="button" variant="ghost" size="sm" onClick={dismiss}>
            I have saved the token
          </Button>
        </div>
      </div>
    </section>
  );
}
