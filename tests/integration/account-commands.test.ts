import { describe, expect, it } from "vitest";
import { createAdminCommand } from "~/commands/create-admin";
import { issueSetupCodeCommand } from "~/commands/issue-setup-code";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { runCommand } from "../support/cli";

const db = await createTestDb();
await createStaff(db, { employeeNumber: "000321" });

describe("account commands", () => {
  it("issue a setup code for a roster member typed with full-width digits", async () => {
    const run = await runCommand(issueSetupCodeCommand, db, ["--employee", "０００３２１"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^試験　太郎\d+ さんのセットアップコード: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}（有効期限 \d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}）\n$/);
  });

  it("refuse numbers not in the roster, in the operator's language", async () => {
    expect(await runCommand(issueSetupCodeCommand, db, ["--employee", "999999"], "en")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "No active staff member has employee number 999999.\n",
    });
  });

  it("make an administrator only with a long enough password", async () => {
    const short = await runCommand(createAdminCommand, db, ["--employee", "000321"], "ja", "short");
    expect(short.exitCode).toBe(1);
    expect(short.stderr).toContain("パスワードは10文字以上にしてください。");
    const made = await runCommand(createAdminCommand, db, ["--employee", "000321"], "ja", "a long admin password");
    expect(made).toMatchObject({ exitCode: 0, stdout: "職員番号 000321 を管理者にしました。\n" });
    const row = await db.selectFrom("staff").select("role").where("employee_number", "=", "000321").executeTakeFirstOrThrow();
    expect(row.role).toBe("admin");
  });
});
