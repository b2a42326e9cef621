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
