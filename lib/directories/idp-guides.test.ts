import { describe, expect, it } from "vitest";
import { idpTypes } from "@/db/schema";
import { idpGuide, idpGuides, idpOrder } from "./idp-guides";

const fieldLabels = (idp: (typeof idpTypes)[number]) => idpGuide(idp).steps.flatMap((s) => s.fields ?? []).map((f) => f.label);

describe("idpGuides", () => {
  it("has a guide for every IdP type, offered in the console's order", () => {
    expect(Object.keys(idpGuides).sort()).toEqual([...idpTypes].sort());
    expect(idpOrder).toEqual(["okta", "entra", "google", "onelogin", "jumpcloud", "generic"]);
    for (const idp of idpTypes) expect(idpGuide(idp).idpType).toBe(idp);
  });

  it("asks for the base URL and the token in every guide, under the IdP's own field names", () => {
    for (const idp of idpTypes) {
      const guide = idpGuide(idp);
      const fields = guide.steps.flatMap((s) => s.fields ?? []);
      expect(fields.find((f) => f.value.kind === "baseUrl")?.label, idp).toBe(guide.baseUrlField);
      expect(fields.some((f) => f.value.kind === "token"), idp).toBe(true);
      expect(guide.userMappings.some((m) => m.scim === "userName"), idp).toBe(true);
      expect(guide.userMappings.some((m) => m.scim === "active"), idp).toBe(true);
    }
    expect(fieldLabels("entra")).toEqual(["Tenant URL", "Secret Token"]);
    expect(fieldLabels("okta")).toContain("Unique identifier field for users");
    expect(fieldLabels("onelogin")).toEqual(["SCIM Base URL", "SCIM Bearer Token"]);
    expect(fieldLabels("jumpcloud")).toEqual(expect.arrayContaining(["Base URL", "Token Key"]));
  });

  it("keeps steps, notes and mapping rows distinct within each guide (they key the rendered lists)", () => {
    for (const idp of idpTypes) {
      const guide = idpGuide(idp);
      const unique = (values: string[]) => expect(new Set(values).size, idp).toBe(values.length);
      unique(guide.steps.map((s) => s.title));
      unique(guide.notes.map((n) => n.title));
      unique(guide.userMappings.map((m) => `${m.source}→${m.scim}`));
      unique(guide.groupMappings.map((m) => `${m.source}→${m.scim}`));
      for (const step of guide.steps) unique((step.fields ?? []).map((f) => f.label));
    }
  });

  it("says plainly that Google Workspace cannot push SCIM by itself", () => {
    const google = idpGuide("google");
    expect(google.pushesScim).toBe(false);
    expect(google.summary).toMatch(/no generic SCIM client/);
    expect(idpTypes.filter((idp) => !idpGuide(idp).pushesScim)).toEqual(["google"]);
  });

  it("covers Entra's quirks: string booleans, the 40-minute cycle and the optional PATCH flag", () => {
    const notes = idpGuide("entra").notes.map((n) => `${n.title} ${n.text}`).join("\n");
    expect(notes).toContain("40 minutes");
    expect(notes).toContain('"False"');
    expect(notes).toContain("?aadOptscim062020");
  });
});
