import { z } from "zod";

export const SUMMARY_MAX_LENGTH = 4000;

export const publishSchema = z.object({
  summaryJa: z.string().trim().min(1).max(SUMMARY_MAX_LENGTH),
  summaryEn: z.string().trim().min(1).max(SUMMARY_MAX_LENGTH),
});
