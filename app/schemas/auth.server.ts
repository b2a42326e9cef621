import { z } from "zod";
import { employeeNumberSchema } from "~/domain/identity";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/domain/password-policy";

export const signInSchema = z.object({
  employeeNumber: employeeNumberSchema,
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(MAX_PASSWORD_LENGTH),
  redirectTo: z.string().optional(),
});

/** A new password typed twice; the second must match. */
const newPassword = {
  password: z.string({ error: "required" }).min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  confirmPassword: z.string({ error: "required" }),
};
const typedTwiceAlike = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const differsOnConfirm = { path: ["confirmPassword"], error: "passwordsDiffer" };

export const setupSchema = z
  .object({
    employeeNumber: employeeNumberSchema,
    code: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(40),
    ...newPassword,
  })
  .refine(typedTwiceAlike, differsOnConfirm);

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "required" }).min(1, { error: "required" }).max(MAX_PASSWORD_LENGTH),
    ...newPassword,
  })
  .refine(typedTwiceAlike, differsOnConfirm);
