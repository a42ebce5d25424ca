import { ExternalLinkIcon, InfoIcon, TriangleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AttributeMappingRow, GuideField, IdpGuide as IdpGuideData } from "@/lib/directories/idp-guides";
import { TokenFieldHint } from "./token-field-hint";

/** The IdP's own set-up steps, with its field names and this directory's values. */
export function IdpSetupSteps({ guide, baseUrl, directoryId }: { guide: IdpGuideData; baseUrl: string; directoryId: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{guide.pushesScim ? `Set up provisioning in ${guide.name}` : `Feeding this connection from ${guide.name}`}</h2>
        </CardTitle>
        <CardDescription>{guide.summary}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <ol className="grid gap-5" aria-label={`Steps in ${guide.name}`}>
          {guide.steps.map((step, index) => (
            <li key={step.title} className="grid grid-cols-[1.75rem_1fr] gap-3">
              <span
                className="flex size-7 items-center justify-center rounded-full border bg-muted text-xs font-semibold tabular-nums"
                aria-hidden
              >
                {index + 1}
              </span>
              <div className="grid min-w-0 gap-2">
                <h3 className="font-medium">{step.title}</h3>
                <p className="text-sm text-muted-foreground">{step.detail}</p>
                {step.fields && step.fields.length > 0 && (
                  <dl className="grid gap-2 rounded-md border bg-muted/30 p-3 text-sm">
                    {step.fields.map((field) => (
                      <StepField key={field.label} field={field} baseUrl={baseUrl} directoryId={directoryId} />
                    ))}
                  </dl>
                )}
                {step.code && (
                  <div className="grid gap-2">
                    <div className="flex items-center justify-between gap-2">
                      <span className="text-sm font-medium">{step.code.label}</span>
                      <CopyButton value={step.code.text} label={step.code.label} />
                    </div>
                    <pre className="max-h-72 overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs">{step.code.text}</pre>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
        {guide.notes.length > 0 && (
          <div className="grid gap-3">
            {guide.notes.map((note) => (
              <Alert key={note.title} role="note" className={note.tone === "warning" ? "border-warning/50 bg-warning/10" : undefined}>
                {note.tone === "warning" ? <TriangleAlertIcon aria-hidden /> : <InfoIcon aria-hidden />}
                <AlertTitle className="line-clamp-none">{note.title}</AlertTitle>
                <AlertDescription>{note.text}</AlertDescription>
              </Alert>
            ))}
          </div>
        )}
      </CardContent>
      {guide.docs.length > 0 && (
        <CardFooter className="border-t">
          <ul className="grid gap-1 text-sm" aria-label={`${guide.name} documentation`}>
            {guide.docs.map((doc) => (
              <li key={doc.url}>
                <a href={doc.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 underline-offset-4 hover:underline">
                  {doc.label}
                  <ExternalLinkIcon className="size-3.5" aria-hidden />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        </CardFooter>
      )}
    </Card>
  );
}

function StepField({ field, baseUrl, directoryId }: { field: GuideField; baseUrl: string; directoryId: string }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[minmax(8rem,14rem)_1fr] sm:gap-3">
      <dt className="font-medium">{field.label}</dt>
      <dd className="grid min-w-0 gap-1">
        {field.value.kind === "baseUrl" ? (
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 font-mono text-xs break-all">{baseUrl}</code>
            <CopyButton value={baseUrl} label={field.label} />
          </div>
        ) : field.value.kind === "token" ? (
          <span className="text-muted-foreground">
            <TokenFieldHint directoryId={directoryId} />
          </span>
        ) : (
          <span>{field.value.text}</span>
        )}
        {field.hint && <span className="text-xs text-muted-foreground">{field.hint}</span>}
      </dd>
    </div>
  );
}

/** Where each attribute comes from in the IdP, its SCIM name, and where Rollcall keeps it. */
export function AttributeMappingTable({ guide }: { guide: IdpGuideData }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Attribute mapping</h2>
        </CardTitle>
        <CardDescription>
          {guide.pushesScim
            ? `What ${guide.name} sends by default and where Rollcall stores it. Attributes not listed are kept when they are standard SCIM or enterprise attributes.`
            : "A typical mapping for a bridge reading Google's Directory API. Rollcall stores any standard SCIM or enterprise attribute it receives."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 px-0">
        <MappingRows caption="Users" sourceColumn={guide.sourceColumn} rows={guide.userMappings} />
        <MappingRows caption="Groups" sourceColumn={guide.sourceColumn} rows={guide.groupMappings} />
      </CardContent>
    </Card>
  );
}

function MappingRows({ caption, sourceColumn, rows }: { caption: string; sourceColumn: string; rows: AttributeMappingRow[] }) {
  return (
    <div className="grid gap-2">
      <h3 className="px-6 text-sm font-medium">{caption}</h3>
      <Table aria-label={`${caption} attribute mapping`}>
        <TableHeader>
          <TableRow>
            <TableHead className="pl-6">{sourceColumn}</TableHead>
            <TableHead>SCIM attribute</TableHead>
            <TableHead>Rollcall</TableHead>
            <TableHead className="pr-6">Notes</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.source}→${row.scim}`}>
              <TableCell className="max-w-64 pl-6 align-top font-mono text-xs break-all whitespace-normal">{row.source}</TableCell>
              <TableCell className="max-w-72 align-top font-mono text-xs break-all whitespace-normal">{row.scim}</TableCell>
              <TableCell className="align-top whitespace-nowrap">{row.rollcall}</TableCell>
              <TableCell className="min-w-48 pr-6 align-top text-xs whitespace-normal text-muted-foreground">{row.note ?? ""}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
