import { describe, expect, it } from "vitest";
import {
  type ParticipantTally,
  fiscalYearMonths,
  groupStrengths,
  progressParts,
  roundCoverage,
  roundProgress,
  shareOf,
  summariseActivity,
} from "~/domain/rounds";
import { en } from "~/i18n/en";
import { ja } from "~/i18n/ja";

describe("roundProgress", () => {
  const terms = { expected: 3, requireSupervisor: true };

  it("counts what was sent and whether one went to the supervisor", () => {
    const progress = roundProgress(terms, ["colleague", "colleague"]);
    expect(progress).toEqual({ sent: 2, expected: 3, sentToSupervisor: false, requireSupervisor: true, complete: false });
    expect(progressParts(progress)).toEqual([
      { kind: "sent", sent: 2, expected: 3 },
      { kind: "supervisor", done: false },
    ]);
  });

  it("is complete only with the expected number and, where asked, one to the supervisor", () => {
    expect(roundProgress(terms, ["colleague", "colleague", "other"]).complete).toBe(false);
    expect(roundProgress(terms, ["colleague", "to_supervisor", "other"]).complete).toBe(true);
    expect(roundProgress({ expected: 3, requireSupervisor: false }, ["colleague", "colleague", "other", "to_report"]).complete).toBe(true);
  });

  it("leaves the supervisor out of the words when the round does not ask for it", () => {
    const progress = roundProgress({ expected: 3, requireSupervisor: false }, ["to_supervisor"]);
    expect(progressParts(progress)).toEqual([{ kind: "sent", sent: 1, expected: 3 }]);
  });
});

describe("shareOf", () => {
  it("rounds half-up to 0.001 and has no share of nobody", () => {
    expect(shareOf(1, 3)).toBe(0.333);
    expect(shareOf(2, 3)).toBe(0.667);
    expect(shareOf(1, 8)).toBe(0.125);
    expect(shareOf(0, 0)).toBeNull();
  });
});

describe("roundCoverage", () => {
  const people = (department: string, counts: [sent: number, received: number][]): ParticipantTally[] =>
    counts.map(([sent, received]) => ({ department, sent, received }));

  it("counts per department who met the expected number and who received any", () => {
    const coverage = roundCoverage(
      [
        ...people("総務部", [[3, 1], [4, 0], [1, 2], [0, 0], [3, 5]]),
        ...people("区民部", [[0, 1], [2, 1], [3, 0], [0, 0], [0, 0], [5, 3]]),
      ],
      3,
    );
    expect(coverage.participants).toBe(11);
    expect(coverage.departments).toEqual([
      {
        suppressed: false,
        group: { name: "区民部", respondents: 6, participants: 6, metExpected: 2, receivedAny: 3, receivedNone: 3, metExpectedShare: 0.333, receivedAnyShare: 0.5 },
      },
      {
        suppressed: false,
        group: { name: "総務部", respondents: 5, participants: 5, metExpected: 3, receivedAny: 3, receivedNone: 2, metExpectedShare: 0.6, receivedAnyShare: 0.6 },
      },
    ]);
    expect(coverage.total).toMatchObject({ participants: 11, metExpected: 5, receivedAny: 6, receivedNone: 5 });
  });

  it("reduces small departments and their complement to names", () => {
    const coverage = roundCoverage(
      [...people("A部", [[3, 1], [3, 1]]), ...people("B部", Array(6).fill([0, 0])), ...people("C部", Array(9).fill([3, 3]))],
      3,
    );
    expect(coverage.departments.map((entry) => (entry.suppressed ? `${entry.name}:${entry.reason}` : entry.group.name))).toEqual([
      "A部:below_minimum",
      "B部:complementary",
      "C部",
    ]);
  });

  it("shows no overall figures for a round smaller than the minimum", () => {
    const coverage = roundCoverage(people("A部", [[3, 1], [0, 0]]), 3);
    expect(coverage.participants).toBe(2);
    expect(coverage.total).toBeNull();
    expect(coverage.departments).toEqual([{ suppressed: true, name: "A部", reason: "below_minimum" }]);
  });
});

describe("groupStrengths", () => {
  const message = (id: number, relationship: "colleague" | "to_supervisor" | "to_report", tagCodes: string[]) => ({ id, relationship, tagCodes });

  it("groups by tag in the tags' order, untagged last, and counts by relationship", () => {
    const report = groupStrengths(
      [message(1, "colleague", ["drive", "tasukeai"]), message(2, "to_report", ["tasukeai"]), message(3, "colleague", [])],
      ["tasukeai", "sonchoushiai", "drive"],
    );
    expect(report.total).toBe(3);
    // Message 1 carries two tags: counted under both, listed once (under the first in the tags' order).
    expect(report.byTag.map((group) => [group.tag, group.count, group.messages.map((m) => m.id)])).toEqual([
      ["tasukeai", 2, [1, 2]],
      ["drive", 1, []],
      [null, 1, [3]],
    ]);
    expect(report.byTag.flatMap((group) => group.messages.map((m) => m.id)).sort()).toEqual([1, 2, 3]);
    expect(report.byRelationship).toEqual([
      { relationship: "colleague", count: 2 },
      { relationship: "to_report", count: 1 },
    ]);
  });

  it("is empty for no messages", () => {
    expect(groupStrengths([], ["tasukeai"])).toEqual({ total: 0, byTag: [], byRelationship: [] });
  });
});

describe("activity", () => {
  it("lists a fiscal year's months from April to March", () => {
    expect(fiscalYearMonths(2026)).toEqual([
      "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
      "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03",
    ]);
  });

  it("counts messages by the sender's 部 and shares of staff who sent or received, per month and year", () => {
    const staff = [
      ...[1, 2, 3, 4, 5].map((staffId) => ({ staffId, department: "総務部" })),
      ...[6, 7].map((staffId) => ({ staffId, department: "福祉部" })),
      ...[8, 9, 10, 11, 12, 13].map((staffId) => ({ staffId, department: "区民部" })),
    ];
    const messages = [
      { senderId: 1, recipientId: 2, month: "2026-04" },
      { senderId: 1, recipientId: 8, month: "2026-04" },
      { senderId: 8, recipientId: 6, month: "2026-05" },
    ];
    const summary = summariseActivity(staff, messages, fiscalYearMonths(2026));
    expect(summary.total.year).toEqual({ activeStaff: 13, sent: 3, sentShare: 0.154, receivedShare: 0.231 });
    expect(summary.total.months[0]).toEqual({ month: "2026-04", activeStaff: 13, sent: 2, sentShare: 0.077, receivedShare: 0.154 });
    const shown = summary.departments.flatMap((entry) => (entry.suppressed ? [] : [entry.group]));
    const hidden = summary.departments.flatMap((entry) => (entry.suppressed ? [entry.name] : []));
    // 福祉部 (2 staff) is hidden, and 総務部, the smallest shown, with it: 2 alone could be recovered.
    expect(hidden).toEqual(["福祉部", "総務部"]);
    expect(shown.map((group) => [group.name, group.year])).toEqual([
      ["区民部", { activeStaff: 6, sent: 1, sentShare: 0.167, receivedShare: 0.167 }],
    ]);
  });
});

describe("the progress line", () => {
  it("never says more were sent than asked for out of fewer (3件中4件)", () => {
    expect(ja.rounds.progress.sent(4, 3)).toBe("4件を送りました（目標の3件を達成）");
    expect(ja.rounds.progress.sent(1, 3)).toBe("3件中1件を送りました（あと2件）");
    expect(en.rounds.progress.sent(4, 3)).toBe("4 sent (target of 3 met)");
    expect(en.rounds.progress.sent(2, 3)).toBe("2 of 3 sent (1 more)");
  });
});
