import { z } from "zod";
import { REPORTING_LEVELS } from "~/domain/survey/reporting-groups";

/** "" in a select means the dimension is not reported. */
const optionalLevel = <T extends readonly [string, ...string[]]>(levels: T) =>
  z.union([z.enum(levels), z.literal("").transform(() => null)], { error: "required" });

export const reportingDimensionsSchema = z.object({
  intent: z.literal("reporting"),
  department: z.enum(REPORTING_LEVELS.department, { error: "required" }),
  job_level: optionalLevel(REPORTING_LEVELS.job_level),
  age_band: optionalLevel(REPORTING_LEVELS.age_band),
  employment_type: optionalLevel(REPORTING_LEVELS.employment_type),
});
