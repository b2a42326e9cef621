/**
 * The city's logic model: direct outcomes (01–06) feed intermediate outcomes (11–13), which all
 * feed the final outcome. KPI questions serve a direct or an intermediate outcome (Q01 serves 11).
 *
 * Roll-up rule (README "Logic-model roll-up"): an outcome's rolled-up status is judged on
 * everything under it — its own KPIs (achieved or not) and the rolled-up status of each outcome
 * feeding it. Inputs without data are left out. All measured inputs achieved → all_achieved; none
 * of them achieved (every one "none_achieved" or a missed KPI) → none_achieved; anything between →
 * some_achieved; nothing measured → no_data. Direct outcomes have only KPIs, so their rolled-up
 * status is their own status; the final outcome has no KPI and is judged on 11–13 alone.
 */
export interface OutcomeDefinition {
  code: string;
  name_ja: string;
  name_en: string;
}

export interface DirectOutcomeDefinition extends OutcomeDefinition {
  /** Codes of the intermediate outcomes this one feeds. */
  feeds: readonly string[];
}

export interface LogicModel {
  finalOutcome: { name_ja: string; name_en: string };
  intermediateOutcomes: readonly OutcomeDefinition[];
  directOutcomes: readonly DirectOutcomeDefinition[];
}

/** What the view needs of a KPI; callers pass richer objects and get them back unchanged. */
export interface OutcomeKpi {
  outcomeCode: string;
  /** null when the question has no answers yet. */
  achieved: boolean | null;
}

export type OutcomeStatus = "all_achieved" | "some_achieved" | "none_achieved" | "no_data";

export interface OutcomeView<K extends OutcomeKpi> extends OutcomeDefinition {
  /** Outcomes this one feeds (intermediate outcomes feed only the final outcome: empty). */
  feeds: readonly string[];
  /** Outcomes feeding this one. */
  fedBy: readonly string[];
  kpis: readonly K[];
  /** Judged on the KPIs that have answers; measuredCount < kpis.length says some have none. */
  status: OutcomeStatus;
  /** Judged on its own KPIs and the rolled-up status of the outcomes feeding it (see rollUpStatus). */
  rolledUpStatus: OutcomeStatus;
  achievedCount: number;
  measuredCount: number;
}

export interface LogicModelView<K extends OutcomeKpi> {
  finalOutcome: { name_ja: string; name_en: string; fedBy: readonly string[]; rolledUpStatus: OutcomeStatus };
  intermediateOutcomes: readonly OutcomeView<K>[];
  directOutcomes: readonly OutcomeView<K>[];
}

export function outcomeStatus(kpis: readonly OutcomeKpi[]): OutcomeStatus {
  const measured = kpis.filter((kpi) => kpi.achieved !== null);
  const achieved = measured.filter((kpi) => kpi.achieved).length;
  if (measured.length === 0) return "no_data";
  if (achieved === measured.length) return "all_achieved";
  return achieved === 0 ? "none_achieved" : "some_achieved";
}

/** One thing an outcome is judged on: a KPI (achieved or not) or a feeding outcome's rolled-up status. */
export type RollUpInput = boolean | null | OutcomeStatus;

/** The roll-up rule, on an outcome's own KPIs and the rolled-up statuses of the outcomes feeding it. */
export function rollUpStatus(inputs: readonly RollUpInput[]): OutcomeStatus {
  const measured = inputs.filter((input) => input !== null && input !== "no_data");
  if (measured.length === 0) return "no_data";
  const achieved = (input: RollUpInput) => input === true || input === "all_achieved";
  const missed = (input: RollUpInput) => input === false || input === "none_achieved";
  if (measured.every(achieved)) return "all_achieved";
  if (measured.every(missed)) return "none_achieved";
  return "some_achieved";
}

function assertConsistent(model: LogicModel): void {
  const intermediate = new Set(model.intermediateOutcomes.map((outcome) => outcome.code));
  const all = [...model.intermediateOutcomes, ...model.directOutcomes].map((outcome) => outcome.code);
  const duplicate = all.find((code, index) => all.indexOf(code) !== index);
  if (duplicate !== undefined) throw new Error(`logic model: outcome ${duplicate} is defined twice`);
  for (const outcome of model.directOutcomes) {
    const unknown = outcome.feeds.find((code) => !intermediate.has(code));
    if (unknown !== undefined) {
      throw new Error(`logic model: ${outcome.code} feeds unknown intermediate outcome ${unknown}`);
    }
  }
}

/** Each outcome with its KPIs (in the order given) and a status. Throws on a KPI of an unknown outcome. */
export function buildLogicModelView<K extends OutcomeKpi>(model: LogicModel, kpis: readonly K[]): LogicModelView<K> {
  assertConsistent(model);
  const known = new Set([...model.intermediateOutcomes, ...model.directOutcomes].map((outcome) => outcome.code));
  const stray = kpis.find((kpi) => !known.has(kpi.outcomeCode));
  if (stray !== undefined) throw new Error(`logic model: a KPI serves unknown outcome ${stray.outcomeCode}`);

  // Direct outcomes are built first, so intermediate outcomes can read their rolled-up statuses.
  const rolledUp = new Map<string, OutcomeStatus>();
  const view = (outcome: OutcomeDefinition, feeds: readonly string[], fedBy: readonly string[]): OutcomeView<K> => {
    const own = kpis.filter((kpi) => kpi.outcomeCode === outcome.code);
    const measured = own.filter((kpi) => kpi.achieved !== null);
    return {
      code: outcome.code,
      name_ja: outcome.name_ja,
      name_en: outcome.name_en,
      feeds,
      fedBy,
      kpis: own,
      status: outcomeStatus(own),
      rolledUpStatus: rollUpStatus([...own.map((kpi) => kpi.achieved), ...fedBy.map((code) => rolledUp.get(code) ?? "no_data")]),
      achievedCount: measured.filter((kpi) => kpi.achieved).length,
      measuredCount: measured.length,
    };
  };

  const directOutcomes = model.directOutcomes.map((outcome) => view(outcome, outcome.feeds, []));
  for (const outcome of directOutcomes) rolledUp.set(outcome.code, outcome.rolledUpStatus);
  const intermediateOutcomes = model.intermediateOutcomes.map((outcome) =>
    view(
      outcome,
      [],
      model.directOutcomes.filter((direct) => direct.feeds.includes(outcome.code)).map((direct) => direct.code),
    ),
  );
  return {
    finalOutcome: {
      ...model.finalOutcome,
      fedBy: intermediateOutcomes.map((outcome) => outcome.code),
      rolledUpStatus: rollUpStatus(intermediateOutcomes.map((outcome) => outcome.rolledUpStatus)),
    },
    intermediateOutcomes,
    directOutcomes,
  };
}
