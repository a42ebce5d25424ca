import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory } from "@/test/scim";
import { activityCsvHeader, csvField, csvRecord, streamActivityCsv } from "./activity-csv";
import { activityFilterInput, type ActivityFilterInput } from "./list-activity";

const database = setUpTestDatabase();

/** RFC 4180, as a spreadsheet reads it: the test's own reader, independent of the writer. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  expect(field).toBe("");
  expect(record).toEqual([]);
  return records;
}

describe("csvField", () => {
  it("quotes fields with commas, quotes and line breaks, and leaves the rest as they are", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField(null)).toBe("");
    expect(csvField(201)).toBe("201");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvField("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
    expect(csvRecord(["a", null, 3, 'b"c'])).toBe('a,,3,"b""c"\r\n');
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"http://evil.test\",\"click\")")).toBe(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(csvField("+1+1")).toBe("'+1+1");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("user@acme.test")).toBe("user@acme.test");
  });
});

describe("streamActivityCsv", () => {
  let acme: SeededAcme;
  let directoryId: string;
  let otherWorkspaceId: string;

  beforeAll(async () => {
    const { db } = database();
    acme = await seedAcme(db);
    ({ directoryId } = await createScimDirectory(db, acme.workspaceId, "okta"));
    const [other] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning();
    otherWorkspaceId = other!.id;
    await createScimDirectory(db, otherWorkspaceId, "okta");
    // 2,500 events whose text needs every kind of escaping; every 10th failed.
    await db.execute(sql`
      insert into activity_events (workspace_id, directory_id, kind, action, method, path, status, latency_ms, user_agent, summary, error, changes)
      select ${acme.workspaceId}, ${directoryId}, 'scim_request', 'scim.request', 'GET', '/scim/v2/Users?filter=a,b&n=' || i,
        case when i % 10 = 0 then 409 else 200 end, i % 50, '=cmd|'' /C calc''!A0',
        'Read "user ' || i || '", line ' || chr(10) || 'two',
        case when i % 10 = 0 then 'Conflict, try again' end,
        jsonb_build_object('n', i, 'note', 'a,"b"')
      from generate_series(1, 2500) as i`);
  });

  async function exportCsv(input: ActivityFilterInput, workspaceId = acme.workspaceId, batchSize = 1000) {
    const reader = streamActivityCsv(database().db, workspaceId, activityFilterInput.parse(input), batchSize).getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const chunks: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(decoder.decode(read.value, { stream: true }));
    const text = chunks.join("");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    return { chunks, header, rows };
  }

  it("streams every event, newest first, in keyset batches", async () => {
    const { chunks, header, rows } = await exportCsv({});

    expect(header).toEqual(parseCsv(activityCsvHeader)[0]);
    // The header, then one chunk per batch of 1,000: the whole log is never in memory at once.
    expect(chunks).toHaveLength(1 + 3);
    // 2,500 seeded plus the directory's creation and first token.
    expect(rows).toHaveLength(2502);
    const ids = rows.map((row) => Number(row[0]));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.at(-1)?.[3]).toBe("directory.created");
  });

  it("writes each field back as it was, escaped, with formulas neutralised", async () => {
    const { header, rows } = await exportCsv({ search: 'user 2500"' });
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((name, i) => [name, rows[0]![i]]));
    expect(row).toMatchObject({
      kind: "scim_request",
      action: "scim.request",
      summary: 'Read "user 2500", line \ntwo',
      status: "409",
      method: "GET",
      path: "/scim/v2/Users?filter=a,b&n=2500",
      latency_ms: "0",
      directory: "Okta",
      directory_id: directoryId,
      member: "",
      user_agent: "'=cmd|' /C calc'!A0",
      error: "Conflict, try again",
    });
    expect(JSON.parse(row.changes!)).toEqual({ n: 2500, note: 'a,"b"' });
    expect(new Date(row.time!).toISOString()).toBe(row.time);
  });

  it("exports only the current filter of the admin's own workspace", async () => {
    const errors = await exportCsv({ errorsOnly: true }, acme.workspaceId, 100);
    expect(errors.rows).toHaveLength(250);
    expect(errors.chunks).toHaveLength(1 + 3);
    expect(errors.rows.every((row) => row[5] === "409")).toBe(true);

    expect((await exportCsv({ kind: "token" })).rows.map((row) => row[3])).toEqual(["token.created"]);
    expect((await exportCsv({}, otherWorkspaceId)).rows.map((row) => row[3])).toEqual(["token.created", "directory.created"]);
    expect((await exportCsv({ search: "user 1" }, otherWorkspaceId)).rows).toEqual([]);
  });

  it("writes only the header when nothing matches", async () => {
    const { chunks, rows } = await exportCsv({ search: "no such event" });
    expect(rows).toEqual([]);
    expect(chunks).toHaveLength(1);
  });
});
