import { z } from "zod";
import { employeeNumberSchema } from "~/domain/identity";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/domain/password-policy";

export const signInSchema = z.object({
  employeeNumber: employeeNumberSchema,
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(MAX_PASSWORD_LENGTH),
  redirectTo: z.string().optional(),
});

export const setupSchema = z
  .object({
    employeeNumber: employeeNumberSchema,
    code: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(40),
    password: z.string({ error: "required" }).min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: "passwordsDiffer" });
