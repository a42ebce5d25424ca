import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, teamMembers, teams, users, workspaces, type MemberRole } from "@/db/schema";
import { generatePassword, hashPassword } from "@/lib/auth/password";

export const demoWorkspace = { slug: "acme", name: "Acme", domain: "acme.test", seatLimit: 50 } as const;

const demoPeople: { givenName: string; familyName: string; email: string; role: MemberRole; team?: string; suspended?: boolean }[] = [
  { givenName: "Marcus", familyName: "Chen", email: "marcus.chen@acme.test", role: "admin", team: "Engineering" },
  { givenName: "Priya", familyName: "Shah", email: "priya.shah@acme.test", role: "member", team: "Engineering" },
  { givenName: "Tom", familyName: "Becker", email: "tom.becker@acme.test", role: "viewer", team: "Sales" },
  { givenName: "Lena", familyName: "Novak", email: "lena.novak@acme.test", role: "member", team: "Sales", suspended: true },
];

export type SeedResult = {
  created: boolean;
  ownerEmail: string;
  /** Only when this call generated it: it is printed once and never stored in clear. */
  generatedPassword?: string;
};

/**
 * Creates the demo workspace "Acme" with its owner on first start; later calls change nothing,
 * except that an operator-supplied owner password (ROLLCALL_OWNER_PASSWORD) is applied.
 */
export async function seedDemoWorkspace(
  db: Db,
  options: { ownerEmail: string; ownerPassword?: string },
): Promise<SeedResult> {
  const ownerEmail = options.ownerEmail.toLowerCase();
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({
        slug: demoWorkspace.slug,
        name: demoWorkspace.name,
        seatLimit: demoWorkspace.seatLimit,
        verifiedDomains: [demoWorkspace.domain],
      })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning();

    if (!workspace) {
      if (options.ownerPassword) {
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(options.ownerPassword) })
          .where(eq(sql`lower(${users.email})`, ownerEmail));
      }
      return { created: false, ownerEmail };
    }

    const password = options.ownerPassword ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const [existingOwner] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(sql`lower(${users.email})`, ownerEmail))
      .returning({ id: users.id });
    const [owner] = existingOwner
      ? [existingOwner]
      : await tx.insert(users).values({ email: ownerEmail, name: "Olivia Park", emailVerified: new Date(), passwordHash }).returning({ id: users.id });

    const memberRows = await tx
      .insert(members)
      .values([
        {
          workspaceId: workspace.id,
          userId: owner!.id,
          userName: ownerEmail,
          email: ownerEmail,
          emails: [{ value: ownerEmail, type: "work", primary: true }],
          givenName: "Olivia",
          familyName: "Park",
          displayName: "Olivia Park",
          title: "Head of IT",
          role: "owner",
        },
        ...demoPeople.map((p) => ({
          workspaceId: workspace.id,
          userName: p.email,
          email: p.email,
          emails: [{ value: p.email, type: "work", primary: true }],
          givenName: p.givenName,
          familyName: p.familyName,
          displayName: `${p.givenName} ${p.familyName}`,
          role: p.role,
          status: p.suspended ? ("suspended" as const) : ("active" as const),
        })),
      ])
      .returning({ id: members.id, email: members.email });

    const teamNames = [...new Set(demoPeople.flatMap((p) => (p.team ? [p.team] : [])))];
    const teamRows = await tx
      .insert(teams)
      .values(teamNames.map((name) => ({ workspaceId: workspace.id, name })))
      .returning({ id: teams.id, name: teams.name });
    await tx.insert(teamMembers).values(
      demoPeople.flatMap((p) => {
        const teamId = teamRows.find((t) => t.name === p.team)?.id;
        const memberId = memberRows.find((m) => m.email === p.email)?.id;
        return teamId && memberId ? [{ teamId, memberId }] : [];
      }),
    );

    return { created: true, ownerEmail, generatedPassword: options.ownerPassword ? undefined : password };
  });
}
