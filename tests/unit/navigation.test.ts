import { describe, expect, it } from "vitest";
import { headerWords } from "~/domain/navigation";
import { en } from "~/i18n/en";
import { ja } from "~/i18n/ja";

describe("the header's menu, worded by the root loader", () => {
  const none = { unread: 0, notifications: 0 };

  it("gives each role its own pages only", () => {
    const links = (role: "staff" | "hr" | "admin") => headerWords(role, none, ja).menu.map((item) => item.to);
    expect(links("staff")).toEqual(["/", "/surveys", "/messages", "/shared-results"]);
    expect(links("hr")).not.toContain("/manage/moderation");
    expect(links("hr")).toContain("/roster");
    expect(links("admin")).toContain("/manage/moderation");
  });

  it("words the entries, the unread badge and the bell in the reader's language", () => {
    const staff = headerWords("staff", { unread: 3, notifications: 2 }, ja);
    expect(staff.menu.map((item) => item.label)).toEqual(["ホーム", "アンケート", "I・メッセージ", "結果の共有"]);
    expect(staff.menu.find((item) => item.to === "/messages")?.unread).toEqual({ count: 3, label: "未読 3件" });
    expect(staff.menu.filter((item) => item.unread)).toHaveLength(1);
    expect(staff.bell).toBe("お知らせ（未読2件）");
    expect(headerWords("staff", none, en)).toMatchObject({ bell: "Notifications", menu: [{ label: "Home" }, {}, { label: "I-messages" }, {}] });
    expect(headerWords("staff", none, en).menu.some((item) => item.unread)).toBe(false);
  });
});
