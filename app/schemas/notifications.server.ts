import { z } from "zod";
import { NOTIFICATION_KINDS } from "~/domain/notifications";

/** The kinds ticked on the settings page; an unticked box sends nothing, so none ticked is an empty list. */
export const emailSettingsSchema = z.object({
  email: z.array(z.enum(NOTIFICATION_KINDS)).default([]),
});

/** Parses the checkboxes (a repeated field) into the schema's shape. */
export function emailSettingsInput(form: FormData) {
  return emailSettingsSchema.safeParse({ email: form.getAll("email") });
}
