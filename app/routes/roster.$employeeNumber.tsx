import "~/i18n/area/roster.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Role } from "#db/schema";
import { formatDateTime } from "~/domain/dates";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { setupCodeRefusal } from "~/domain/account-recovery";
import { SetupCodeRefused, UnknownEmployeeError, issueSetupCode } from "~/models/auth.server";
import { getStaffDetail, setRole } from "~/models/roster.server";
import { staffActionSchema, staffParamsSchema } from "~/schemas/roster.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";
import { getEnv } from "~/utils/env.server";
import { formError, parseForm } from "~/utils/forms.server";

export const meta = titled((t) => t.roster.title);

const ROLES: readonly Role[] = ["staff", "hr", "admin"];

function notFound() {
  return json({ reason: "not found" }, { status: 404 });
}

function employeeNumberOf(params: LoaderFunctionArgs["params"]): string {
  const parsed = staffParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.employeeNumber;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const staff = await getStaffDetail(getDb(), employeeNumberOf(params));
  if (!staff) throw notFound();
  return json({
    staff,
    viewerIsAdmin: user.role === "admin",
    isSelf: staff.employeeNumber === user.employeeNumber,
    setupCodeRefusal: setupCodeRefusal(user, staff),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const form = await request.formData();
  // Checked before anything else, so HR staff learn nothing from a crafted role change but a refusal.
  if (form.get("intent") === "setRole" && user.role !== "admin") throw json({ reason: "forbidden" }, { status: 403 });
  const parsed = parseForm(staffActionSchema, form, t);
  if (!parsed.ok) return formError(parsed);

  const db = getDb();
  const employeeNumber = employeeNumberOf(params);
  const actor = { id: user.id, label: user.employeeNumber, role: user.role };
  if (parsed.data.intent === "issueSetupCode") {
    try {
      const issued = await issueSetupCode(db, employeeNumber, actor, getEnv().SETUP_CODE_VALID_HOURS);
      // Answered directly rather than redirected: the code must not sit in a URL or reappear on reload.
      return json({ intent: "issueSetupCode" as const, code: issued.code, expiresAt: issued.expiresAt });
    } catch (error) {
      if (error instanceof UnknownEmployeeError) return formError({ errors: { form: t.roster.setupCodeInactive }, values: {} });
      if (error instanceof SetupCodeRefused) throw json({ reason: error.reason }, { status: 403 });
      throw error;
    }
  }
  const result = await setRole(db, employeeNumber, parsed.data.role, actor);
  if (!result.ok) {
    if (result.reason === "notFound") throw notFound();
    return formError({ errors: { role: t.roster.cannotDemoteSelf }, values: { role: parsed.data.role } });
  }
  return json({ intent: "setRole" as const, role: parsed.data.role });
}

export default function StaffMember() {
  const t = useT();
  const locale = useLocale();
  const { staff, viewerIsAdmin, isSelf, setupCodeRefusal: refusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const issued = actionData && "intent" in actionData && actionData.intent === "issueSetupCode" ? actionData : null;
  const roleChanged = actionData && "intent" in actionData && actionData.intent === "setRole" ? actionData.role : null;
  const details: [string, string][] = [
    [t.roster.fields.employeeNumber, staff.employeeNumber],
    [t.roster.fields.nameKana, staff.nameKana],
    [t.roster.fields.email, staff.email ?? t.roster.empty],
    [t.roster.fields.departmentPath, staff.departmentPath],
    [t.roster.fields.jobLevelCode, locale === "ja" ? staff.jobLevelJa : staff.jobLevelEn],
    [t.roster.fields.employmentTypeCode, locale === "ja" ? staff.employmentTypeJa : staff.employmentTypeEn],
    [t.roster.fields.birthYear, String(staff.birthYear)],
    [
      t.roster.supervisor,
      staff.supervisorNumber ? `${staff.supervisorName ?? ""} (${staff.supervisorNumber})`.trim() : t.roster.empty,
    ],
    [t.roster.fields.role, t.roster.roles[staff.role]],
    [t.roster.fields.active, staff.active === 1 ? t.roster.active : t.roster.inactive],
  ];

  return (
    <>
      <p>
        <Link to="/roster">{t.roster.backToList}</Link>
      </p>
      <h1>{staff.name}</h1>
      <dl>
        {details.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="setup-code-heading">
        <h2 id="setup-code-heading">{t.roster.setupCodeHeading}</h2>
        {issued ? (
          <div className="notice" role="status">
            <p>{t.roster.setupCodeIssued(staff.name)}</p>
            <p className="code-display">{issued.code}</p>
            <p>{t.roster.setupCodeExpires(formatDateTime(issued.expiresAt, locale))}</p>
            <p className="warning">{t.roster.setupCodeShownOnce}</p>
          </div>
        ) : null}
        {errors?.form ? (
          <p className="error-summary" role="alert">
            {errors.form}
          </p>
        ) : null}
        <p>{t.roster.setupCodeIntro}</p>
        {refusal ? (
          <p>{t.roster.setupCodeRefused[refusal]}</p>
        ) : staff.active === 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="issueSetupCode" />
            <button type="submit" className="button-secondary">
              {t.roster.issueSetupCode}
            </button>
          </Form>
        ) : (
          <p>{t.roster.setupCodeInactive}</p>
        )}
      </section>

      {viewerIsAdmin ? (
        <section aria-labelledby="role-heading">
          <h2 id="role-heading">{t.roster.roleHeading}</h2>
          {roleChanged ? (
            <p className="notice" role="status">
              {t.roster.roleChanged(t.roster.roles[roleChanged])}
            </p>
          ) : null}
          <p>{t.roster.roleIntro}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="setRole" />
            <div className={errors?.role ? "field field-invalid" : "field"}>
              <label htmlFor="field-role">{t.roster.fields.role}</label>
              {errors?.role ? (
                <p className="field-error" id="field-role-error">
                  {errors.role}
                </p>
              ) : null}
              <select
                id="field-role"
                name="role"
                defaultValue={staff.role}
                key={staff.role}
                disabled={isSelf}
                aria-invalid={errors?.role ? true : undefined}
                aria-describedby={errors?.role ? "field-role-error" : isSelf ? "field-role-self" : undefined}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t.roster.roles[role]}
                  </option>
                ))}
              </select>
              {isSelf ? (
                <p className="field-hint" id="field-role-self">
                  {t.roster.cannotDemoteSelf}
                </p>
              ) : null}
            </div>
            {isSelf ? null : (
              <button type="submit" className="button-secondary">
                {t.roster.changeRole}
              </button>
            )}
          </Form>
        </section>
      ) : null}
    </>
  );
}
