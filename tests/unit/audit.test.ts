import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionName, auditActorName, describeAuditDetail } from "~/domain/audit";
import { en } from "~/i18n/en";
import { ja } from "~/i18n/ja";

describe("audit entries in people's words", () => {
  it("names actions and details in Japanese, with values translated", () => {
    expect(auditActionName("survey.status", ja.audit)).toBe("アンケートの状態変更");
    expect(describeAuditDetail(JSON.stringify({ code: "kpi-fy2024", from: "draft", to: "open" }), ja.audit)).toEqual([
      { label: "アンケート", value: "kpi-fy2024" },
      { label: "変更前", value: "下書き" },
      { label: "変更後", value: "受付中" },
    ]);
    expect(describeAuditDetail(JSON.stringify({ departments: ["総務部", "福祉部"], deactivateMissing: false }), ja.audit)).toEqual([
      { label: "対象の部", value: "総務部、福祉部" },
      { label: "名簿にない職員を無効化", value: "いいえ" },
    ]);
    expect(describeAuditDetail(JSON.stringify({ targets: { Q01: 3100, Q02: null } }), en.audit)).toEqual([{ label: "Targets", value: "Q01 3100, Q02 —" }]);
  });

  it("shows what it does not know as recorded", () => {
    expect(auditActionName("something.new", ja.audit)).toBe("something.new");
    expect(describeAuditDetail("not json", ja.audit)).toEqual([{ label: "", value: "not json" }]);
  });

  it("names actors by name and number, the command line and the demo seed in words", () => {
    expect(auditActorName({ actor_label: "000002", actor_name: "人事\u3000花子", actor_number: "000002" }, ja.audit)).toBe("人事\u3000花子（000002）");
    expect(auditActorName({ actor_label: "cli", actor_name: null, actor_number: null }, ja.audit)).toBe("コマンドライン");
    expect(auditActorName({ actor_label: "demo", actor_name: null, actor_number: null }, en.audit)).toBe("Demo data");
  });
});

/** Every action string passed to recordAudit in app/, found in the source. */
function recordedActions(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return recordedActions(file);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return [...readFileSync(file, "utf8").matchAll(/recordAudit\([\s\S]{0,200}?"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]!);
  });
}

describe("every recorded action has a name", () => {
  it("in Japanese and English, including the password set with a setup code", () => {
    const actions = new Set(recordedActions());
    expect(actions).toContain("setup_code.redeem");
    expect(actions.size).toBeGreaterThan(20);
    for (const action of actions) {
      expect(auditActionName(action, ja.audit), action).not.toBe(action);
      expect(auditActionName(action, en.audit), action).not.toBe(action);
    }
    expect(describeAuditDetail(JSON.stringify({ employeeNumber: "000777", issuedBy: "cli", firstPassword: true }), ja.audit)).toEqual([
      { label: "職員番号", value: "000777" },
      { label: "コードを発行した人", value: "コマンドライン" },
      { label: "初めてのパスワード", value: "はい" },
    ]);
  });
});
