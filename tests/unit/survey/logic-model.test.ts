import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { buildLogicModelView, type LogicModel, outcomeStatus, rollUpStatus } from "~/domain/survey/logic-model";

const model: LogicModel = {
  finalOutcome: { name_ja: shinagawaFy2023.final_outcome.text_ja, name_en: shinagawaFy2023.final_outcome.text_en },
  intermediateOutcomes: shinagawaFy2023.intermediate_outcomes,
  directOutcomes: shinagawaFy2023.direct_outcomes,
};

describe("outcomeStatus", () => {
  it.each([
    [[], "no_data"],
    [[null, null], "no_data"],
    [[true, true], "all_achieved"],
    [[true, null], "all_achieved"],
    [[true, false], "some_achieved"],
    [[false, false, null], "none_achieved"],
  ] as const)("%j → %s", (achieved, status) => {
    expect(outcomeStatus(achieved.map((value) => ({ outcomeCode: "01", achieved: value })))).toBe(status);
  });
});

describe("buildLogicModelView", () => {
  const kpis = shinagawaFy2023.questions.map((question) => ({
    code: question.code,
    outcomeCode: question.outcome,
    achieved: question.code === "Q08" ? true : question.code === "Q07" ? null : false,
  }));
  const view = buildLogicModelView(model, kpis);

  it("links the outcomes both ways", () => {
    expect(view.finalOutcome.fedBy).toEqual(["11", "12", "13"]);
    expect(view.intermediateOutcomes.map((outcome) => [outcome.code, outcome.fedBy])).toEqual([
      ["11", ["01", "02"]],
      ["12", ["03", "04", "05"]],
      ["13", ["05", "06"]],
    ]);
    expect(view.directOutcomes.find((outcome) => outcome.code === "05")?.feeds).toEqual(["12", "13"]);
  });

  it("attaches each KPI to its outcome in question order", () => {
    const codes = (outcomeCode: string) =>
      [...view.intermediateOutcomes, ...view.directOutcomes]
        .find((outcome) => outcome.code === outcomeCode)
        ?.kpis.map((kpi) => kpi.code);
    expect(codes("11")).toEqual(["Q01"]);
    expect(codes("12")).toEqual(["Q02", "Q03"]);
    expect(codes("03")).toEqual(["Q08", "Q09", "Q10", "Q11"]);
    expect(codes("05")).toEqual(["Q13", "Q14"]);
  });

  it("gives each outcome a status and counts", () => {
    const direct = Object.fromEntries(view.directOutcomes.map((outcome) => [outcome.code, outcome]));
    expect(direct["03"]).toMatchObject({ status: "some_achieved", achievedCount: 1, measuredCount: 4 });
    expect(direct["02"]).toMatchObject({ status: "no_data", achievedCount: 0, measuredCount: 0 });
    expect(direct["06"]).toMatchObject({ status: "none_achieved", achievedCount: 0, measuredCount: 1 });
  });

  it("reports all achieved", () => {
    const allAchieved = buildLogicModelView(
      model,
      kpis.map((kpi) => ({ ...kpi, achieved: true })),
    );
    expect(allAchieved.directOutcomes.every((outcome) => outcome.status === "all_achieved")).toBe(true);
    expect(allAchieved.intermediateOutcomes.map((outcome) => outcome.status)).toEqual([
      "all_achieved",
      "all_achieved",
      "all_achieved",
    ]);
  });

  it("rejects a KPI of an unknown outcome", () => {
    expect(() => buildLogicModelView(model, [{ outcomeCode: "99", achieved: true }])).toThrow(/99/);
  });

  it("rejects an inconsistent model", () => {
    expect(() =>
      buildLogicModelView({ ...model, directOutcomes: [{ code: "01", name_ja: "", name_en: "", feeds: ["14"] }] }, []),
    ).toThrow(/14/);
    expect(() =>
      buildLogicModelView({ ...model, directOutcomes: [{ code: "11", name_ja: "", name_en: "", feeds: ["12"] }] }, []),
    ).toThrow(/twice/);
  });
});

describe("rollUpStatus", () => {
  it.each([
    [[], "no_data"],
    [[null, "no_data"], "no_data"],
    [[true, "all_achieved"], "all_achieved"],
    [[true, null, "no_data"], "all_achieved"],
    [[false, "none_achieved"], "none_achieved"],
    [[true, "none_achieved"], "some_achieved"],
    [[false, "all_achieved"], "some_achieved"],
    [["some_achieved"], "some_achieved"],
    [["all_achieved", "some_achieved", "all_achieved"], "some_achieved"],
  ] as const)("%j → %s", (inputs, status) => {
    expect(rollUpStatus(inputs)).toBe(status);
  });
});

describe("roll-up through the city's model", () => {
  const allMissed = shinagawaFy2023.questions.map((question) => ({ outcomeCode: question.outcome, achieved: false as boolean | null }));
  const withAchieved = (codes: string[]) =>
    shinagawaFy2023.questions.map((question) => ({ outcomeCode: question.outcome, achieved: codes.includes(question.code) }));

  it("an intermediate outcome whose own KPI is met is still partly achieved while a direct outcome under it misses", () => {
    // Q01 serves 11; 01 and 02 feed 11.
    const view = buildLogicModelView(model, withAchieved(["Q01"]));
    const eleven = view.intermediateOutcomes.find((outcome) => outcome.code === "11");
    expect(eleven).toMatchObject({ status: "all_achieved", rolledUpStatus: "some_achieved" });
  });

  it("the final outcome is achieved only when every intermediate outcome rolls up as achieved", () => {
    const everything = buildLogicModelView(model, withAchieved(shinagawaFy2023.questions.map((q) => q.code)));
    expect(everything.finalOutcome.rolledUpStatus).toBe("all_achieved");
    const nothing = buildLogicModelView(model, allMissed);
    expect(nothing.finalOutcome.rolledUpStatus).toBe("none_achieved");
    const allButQ14 = buildLogicModelView(
      model,
      withAchieved(shinagawaFy2023.questions.map((q) => q.code).filter((code) => code !== "Q14")),
    );
    // Q14 serves 05, which feeds 12 and 13: both become partly achieved, and so does the final outcome.
    expect(allButQ14.directOutcomes.find((o) => o.code === "05")?.rolledUpStatus).toBe("some_achieved");
    expect(allButQ14.intermediateOutcomes.map((o) => [o.code, o.rolledUpStatus])).toEqual([
      ["11", "all_achieved"],
      ["12", "some_achieved"],
      ["13", "some_achieved"],
    ]);
    expect(allButQ14.finalOutcome.rolledUpStatus).toBe("some_achieved");
  });

  it("outcomes without answers are left out, and nothing measured is no data", () => {
    const none = buildLogicModelView(
      model,
      allMissed.map((kpi) => ({ ...kpi, achieved: null })),
    );
    expect(none.finalOutcome.rolledUpStatus).toBe("no_data");
  });
});
