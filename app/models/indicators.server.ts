import type { Kysely } from "kysely";
import type { Database, IndicatorUnit } from "#db/schema";
import { indicatorAchieved } from "~/domain/indicators";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";

export interface IndicatorView extends IndicatorDefinition {
  values: { fiscalYear: number; valueMilli: number; source: string; achieved: boolean | null }[];
}

/** Every indicator with its yearly values, oldest year first. */
export async function listIndicators(db: Db): Promise<IndicatorView[]> {
  const [indicators, values] = await Promise.all([
    db.selectFrom("hr_indicators").selectAll().orderBy("sort_order").orderBy("id").execute(),
    db.selectFrom("hr_indicator_values").selectAll().orderBy("fiscal_year").execute(),
  ]);
  return indicators.map((indicator) => ({
    code: indicator.code,
    name_ja: indicator.name_ja,
    name_en: indicator.name_en,
    unit: indicator.unit,
    targetMilli: indicator.target_milli,
    targetFiscalYear: indicator.target_fiscal_year,
    higherIsBetter: indicator.higher_is_better === 1,
    values: values
      .filter((value) => value.indicator_id === indicator.id)
      .map((value) => ({
        fiscalYear: value.fiscal_year,
        valueMilli: value.value_milli,
        source: value.source,
        achieved: indicatorAchieved(value.value_milli, indicator.target_milli, indicator.higher_is_better === 1),
      })),
  }));
}

export interface IndicatorDefinition {
  code: string;
  name_ja: string;
  name_en: string;
  unit: IndicatorUnit;
  /** Null: monitoring only. */
  targetMilli: number | null;
  targetFiscalYear: number | null;
  higherIsBetter: boolean;
}

export class IndicatorError extends Error {
  constructor(readonly reason: "code_taken" | "unknown_indicator") {
    super(reason);
  }
}

/** Defines an indicator (its target, or none for monitoring only), audited in the same transaction. */
export async function defineIndicator(db: Kysely<Database>, actor: Actor, input: IndicatorDefinition, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("hr_indicators").select("id").where("code", "=", input.code).executeTakeFirst();
    if (taken) throw new IndicatorError("code_taken");
    const last = await trx.selectFrom("hr_indicators").select((eb) => eb.fn.max("sort_order").as("max")).executeTakeFirst();
    await trx
      .insertInto("hr_indicators")
      .values({
        code: input.code,
        name_ja: input.name_ja,
        name_en: input.name_en,
        unit: input.unit,
        target_milli: input.targetMilli,
        target_fiscal_year: input.targetFiscalYear,
        higher_is_better: input.higherIsBetter ? 1 : 0,
        sort_order: (last?.max ?? 0) + 1,
      })
      .execute();
    await recordAudit(trx, actor, "indicator.define", { code: input.code, target: input.targetMilli }, null, now);
  });
}

/** Records (or corrects) one fiscal year's value of an indicator, audited in the same transaction. */
export async function recordIndicatorValue(
  db: Kysely<Database>,
  actor: Actor,
  input: { code: string; fiscalYear: number; valueMilli: number; source: string },
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const indicator = await trx.selectFrom("hr_indicators").select("id").where("code", "=", input.code).executeTakeFirst();
    if (!indicator) throw new IndicatorError("unknown_indicator");
    const row = { value_milli: input.valueMilli, source: input.source, recorded_by: actor.id, recorded_at: now.toISOString() };
    await trx
      .insertInto("hr_indicator_values")
      .values({ indicator_id: indicator.id, fiscal_year: input.fiscalYear, ...row })
      .onConflict((oc) => oc.columns(["indicator_id", "fiscal_year"]).doUpdateSet(row))
      .execute();
    await recordAudit(trx, actor, "indicator.record", { code: input.code, fiscalYear: input.fiscalYear, value: input.valueMilli }, null, now);
  });
}
