import "~/i18n/area/auth.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLocation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { NewPasswordFields } from "~/components/new-password-fields";
import { getT } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { changePassword } from "~/models/auth.server";
import { passwordChangeSchema } from "~/schemas/auth.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";
import { readSessionSecret } from "~/utils/session.server";

export const meta = titled((t) => t.auth.changePasswordTitle);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const parsed = parseForm(passwordChangeSchema, await request.formData(), t);
  if (!parsed.ok) return formError(parsed);
  const result = await changePassword(getDb(), {
    staffId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.password,
    // requireUser found the session, so the cookie holds its secret.
    keepSessionSecret: (await readSessionSecret(request)) ?? "",
  });
  if (!result.ok) return formError({ errors: { currentPassword: t.auth.wrongCurrentPassword }, values: {} });
  return redirect("/account/password?changed=1");
}

export default function ChangePassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const errors = actionData?.errors;
  return (
    <div className="narrow">
      <h1>{t.auth.changePasswordTitle}</h1>
      {params.get("changed") && !actionData ? (
        <p className="notice" role="status">
          {t.auth.passwordChanged}
        </p>
      ) : null}
      <p>{t.auth.changePasswordIntro}</p>
      <ErrorSummary
        errors={errors}
        labels={{ currentPassword: t.auth.currentPassword, password: t.auth.newPassword, confirmPassword: t.auth.confirmPassword }}
      />
      <Form method="post" noValidate>
        <TextField
          name="currentPassword"
          type="password"
          label={t.auth.currentPassword}
          autoComplete="current-password"
          required
          error={errors?.currentPassword}
        />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button-primary">
          {t.auth.changePassword}
        </button>
      </Form>
    </div>
  );
}
