"use client";

import { useState, useTransition } from "react";
import { MailIcon, TerminalIcon } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MailStatus } from "@/db/schema";
import type { DirectoryMailItem } from "@/lib/mail/list-directory-mails";
import { setWelcomeEmailAction } from "@/app/(console)/console/directories/[directoryId]/settings/actions";

const statusBadges: Record<MailStatus, { label: string; variant: "success" | "warning" | "destructive" | "secondary" }> = {
  pending: { label: "Pending", variant: "warning" },
  sent: { label: "Sent", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
  logged: { label: "Printed to log", variant: "secondary" },
};

type Props = {
  directory: { id: string; name: string; welcomeEmail: boolean };
  /** Whether the server has an SMTP server (SMTP_URL); without one, mail is printed to its log. */
  mailConfigured: boolean;
  mails: DirectoryMailItem[];
};

export function WelcomeEmailCard({ directory, mailConfigured, mails }: Props) {
  const [enabled, setEnabled] = useState(directory.welcomeEmail);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function change(next: boolean) {
    setError(undefined);
    setEnabled(next);
    startTransition(async () => {
      const result = await setWelcomeEmailAction({ directoryId: directory.id, enabled: next });
      if (!result.ok) {
        setEnabled(!next);
        return setError(result.error);
      }
      toast.success(next ? "Welcome emails on: members this directory provisions from now on get one" : "Welcome emails off");
    });
  }

  return (
    <Card className="gap-0 pb-0">
      <CardHeader className="border-b">
        <CardTitle>Welcome email</CardTitle>
        <CardDescription>
          When on, each active member {directory.name} provisions (new, or linked to an existing member) gets an email with the link to sign in. A mail
          that cannot be delivered is retried for over an hour; provisioning never waits for it.
        </CardDescription>
        <CardAction className="flex items-center gap-2">
          {pending && <Spinner aria-label="Saving" />}
          <Switch id="welcome-email" checked={enabled} onCheckedChange={change} disabled={pending} />
          <Label htmlFor="welcome-email">Send welcome emails</Label>
        </CardAction>
      </CardHeader>
      <CardContent className="px-0">
        {(error || (enabled && !mailConfigured)) && (
          <div className="space-y-3 px-6 pt-6">
            {error && (
              <Alert variant="destructive">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            )}
            {enabled && !mailConfigured && (
              <Alert>
                <TerminalIcon aria-hidden />
                <AlertTitle>No SMTP server is configured</AlertTitle>
                <AlertDescription>Welcome emails are printed to the server&apos;s log instead of sent. Set SMTP_URL and restart Rollcall to send them.</AlertDescription>
              </Alert>
            )}
          </div>
        )}
        {mails.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-4 py-10 text-center">
            <MailIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="font-medium">No welcome emails yet</p>
            <p className="text-sm text-muted-foreground">{enabled ? "The next member this directory provisions gets one." : "Turn welcome emails on to send one to each member provisioned from then on."}</p>
          </div>
        ) : (
          <Table aria-label="Latest welcome emails">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">Recipient</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Detail</TableHead>
                <TableHead className="pr-6">Queued</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {mails.map((mail) => (
                <TableRow key={mail.id}>
                  <TableCell className="pl-6">{mail.recipient}</TableCell>
                  <TableCell>
                    <Badge variant={statusBadges[mail.status].variant}>{statusBadges[mail.status].label}</Badge>
                  </TableCell>
                  <TableCell className="max-w-md text-xs whitespace-normal text-muted-foreground">
                    <MailDetail mail={mail} />
                  </TableCell>
                  <TableCell className="pr-6">
                    <RelativeTime value={mail.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function MailDetail({ mail }: { mail: DirectoryMailItem }) {
  const attempts = `${mail.attempts} ${mail.attempts === 1 ? "attempt" : "attempts"}`;
  switch (mail.status) {
    case "sent":
      return (
        <>
          Delivered <RelativeTime value={mail.sentAt} />
          {mail.attempts > 1 && ` after ${attempts}`}
        </>
      );
    case "logged":
      return <>No SMTP server: printed to the server&apos;s log</>;
    case "failed":
      return (
        <>
          Gave up after {attempts}: {mail.lastError}
        </>
      );
    case "pending":
      return mail.lastError ? (
        <>
          {attempts} failed: {mail.lastError}. Next try <RelativeTime value={mail.nextAttemptAt} />.
        </>
      ) : (
        <>Waiting to be sent</>
      );
  }
}
