import "~/i18n/area/auth.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { forgetLegacyDrafts } from "~/components/survey/legacy-drafts";
import { getT } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { signIn } from "~/models/auth.server";
import { signInSchema } from "~/schemas/auth.server";
import { clientAddress, getUser, safeRedirectPath } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";
import { readSessionSecret, sessionPolicies, setSessionCookieHeader } from "~/utils/session.server";

export const meta = titled((t) => t.auth.signInTitle);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) return redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getT(request);
  const form = await request.formData();
  const parsed = parseForm(signInSchema, form, t);
  if (!parsed.ok) return formError(parsed);
  const result = await signIn(
    getDb(),
    {
      employeeNumber: parsed.data.employeeNumber,
      password: parsed.data.password,
      address: clientAddress(context),
      previousSecret: await readSessionSecret(request),
    },
    sessionPolicies(),
  );
  if (!result.ok) {
    const message =
      result.reason === "locked" ? t.auth.locked(result.retryAfterMinutes) : result.reason === "busy" ? t.auth.busy : t.auth.invalidCredentials;
    return formError({ errors: { form: message }, values: { employeeNumber: parsed.data.employeeNumber } });
  }
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await setSessionCookieHeader(result.secret) },
  });
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const errors = actionData?.errors;
  const signedOut = params.get("signedOut") !== null;
  // Answers in progress kept in plain text by earlier versions are removed once someone signs out;
  // today's drafts are encrypted per person and stay for that person's next sign-in.
  useEffect(() => {
    if (signedOut) forgetLegacyDrafts();
  }, [signedOut]);
  return (
    <div className="narrow">
      <h1>{t.auth.signInTitle}</h1>
      {params.get("setup") === "done" ? <p className="notice" role="status">{t.auth.setupDone}</p> : null}
      {signedOut ? <p className="notice" role="status">{t.auth.signedOut}</p> : null}
      <p>{t.auth.signInIntro}</p>
      {errors?.form ? (
        <p className="error-summary" role="alert">
          {errors.form}
        </p>
      ) : (
        <ErrorSummary errors={errors} labels={{ employeeNumber: t.auth.employeeNumber, password: t.auth.password }} />
      )}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField
          name="employeeNumber"
          label={t.auth.employeeNumber}
          autoComplete="username"
          inputMode="text"
          required
          defaultValue={actionData?.values.employeeNumber}
          error={errors?.employeeNumber}
        />
        <TextField
          name="password"
          type="password"
          label={t.auth.password}
          autoComplete="current-password"
          required
          error={errors?.password}
        />
        <button type="submit" className="button-primary">
          {t.auth.signIn}
        </button>
      </Form>
      <p>
        {t.auth.firstTime} <Link to="/setup">{t.auth.setUpPasswordLink}</Link>
      </p>
    </div>
  );
}
