import "~/i18n/area/auth.client";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { NewPasswordFields } from "~/components/new-password-fields";
import { getT } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { redeemSetupCode } from "~/models/auth.server";
import { setupSchema } from "~/schemas/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.auth.setupTitle);

export async function action({ request }: ActionFunctionArgs) {
  const t = await getT(request);
  const parsed = parseForm(setupSchema, await request.formData(), t);
  if (!parsed.ok) return formError(parsed);
  const result = await redeemSetupCode(getDb(), parsed.data);
  if (!result.ok) {
    return formError({
      errors: { code: result.reason === "expired" ? t.auth.setupExpired : t.auth.setupInvalid },
      values: { employeeNumber: parsed.data.employeeNumber, code: parsed.data.code },
    });
  }
  return redirect("/login?setup=done");
}

export default function Setup() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="narrow">
      <h1>{t.auth.setupTitle}</h1>
      <p>{t.auth.setupIntro}</p>
      <ErrorSummary
        errors={errors}
        labels={{
          employeeNumber: t.auth.employeeNumber,
          code: t.auth.setupCode,
          password: t.auth.newPassword,
          confirmPassword: t.auth.confirmPassword,
        }}
      />
      <Form method="post" noValidate>
        <TextField
          name="employeeNumber"
          label={t.auth.employeeNumber}
          autoComplete="username"
          required
          defaultValue={actionData?.values.employeeNumber}
          error={errors?.employeeNumber}
        />
        <TextField
          name="code"
          label={t.auth.setupCode}
          hint={t.auth.setupCodeHint}
          autoComplete="one-time-code"
          required
          defaultValue={actionData?.values.code}
          error={errors?.code}
        />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button-primary">
          {t.auth.setPassword}
        </button>
      </Form>
    </div>
  );
}
