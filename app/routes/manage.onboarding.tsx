import "~/i18n/area/onboarding.client";
import "~/i18n/area/validation.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form-fields";
import { SetupLetters } from "~/components/onboarding/setup-letters";
import { type SetupCodeRefusal, setupCodeRefusal } from "~/domain/account-recovery";
import { getT } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { emailConfigured } from "~/models/notifications.server";
import { findLetterCandidates, issueSetupLetters } from "~/models/onboarding.server";
import { listTopDepartments } from "~/models/rounds.server";
import { issueLettersSchema, letterSelectionSchema } from "~/schemas/onboarding.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.onboarding.title);

function setupUrl(request: Request): string {
  return new URL("/setup", getEnv().APP_ORIGIN ?? new URL(request.url).origin).toString();
}

/** A preview of who a batch would cover (and who would be skipped, and why); no code is issued here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const url = new URL(request.url);
  const previewing = url.searchParams.has("preview");
  const query = Object.fromEntries(url.searchParams);
  const parsed = letterSelectionSchema.safeParse(previewing ? query : { withoutPasswordOnly: "on" });
  const selection = parsed.success ? parsed.data : { department: null, addedSince: null, withoutPasswordOnly: true };
  const db = getDb();
  const [departments, candidates] = await Promise.all([listTopDepartments(db), previewing ? findLetterCandidates(db, selection) : Promise.resolve(null)]);
  return json({
    departments,
    selection,
    invalidDate: previewing && !parsed.success,
    mailConfigured: emailConfigured(),
    candidates: candidates?.map((person) => ({
      employeeNumber: person.employeeNumber,
      name: person.name,
      unit: person.unit,
      refusal: setupCodeRefusal(user, person),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const parsed = parseForm(issueLettersSchema, await request.formData(), t);
  if (!parsed.ok) return formError(parsed);
  const { sendEmail, ...selection } = parsed.data;
  const url = setupUrl(request);
  const batch = await issueSetupLetters(
    getDb(),
    { id: user.id, label: user.employeeNumber, role: user.role },
    selection,
    { validHours: getEnv().SETUP_CODE_VALID_HOURS, setupUrl: url, email: sendEmail && emailConfigured() },
  );
  // Answered directly, never redirected: the codes must not sit in a URL or come back on reload.
  return json({ ok: true as const, ...batch, setupUrl: url });
}

function RefusalNote({ refusal }: { refusal: SetupCodeRefusal | null }) {
  const o = useT().onboarding;
  if (refusal === null) return null;
  return <>{refusal === "own_account" ? o.skippedSelf : o.skippedPrivileged}</>;
}

export default function Onboarding() {
  const t = useT();
  const o = t.onboarding;
  const { departments, selection, candidates, mailConfigured, invalidDate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.ok) {
    return (
      <>
        <div className="screen-only">
          <h1>{o.title}</h1>
          <p className="notice" role="status">
            {o.issued(result.letters.length, result.emailed)}
          </p>
          <p>{o.printHint}</p>
          {result.skipped.length > 0 ? (
            <>
              <h2>{o.skippedHeading}</h2>
              <ul>
                {result.skipped.map((person) => (
                  <li key={person.employeeNumber}>
                    {person.name}（{person.employeeNumber}）：<RefusalNote refusal={person.reason} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <SetupLetters letters={result.letters} setupUrl={result.setupUrl} />
      </>
    );
  }
  const issuable = candidates?.filter((person) => person.refusal === null).length ?? 0;
  return (
    <>
      <h1>{o.title}</h1>
      <p>{o.intro}</p>
      <Form method="get" className="builder-form">
        <input type="hidden" name="preview" value="1" />
        <fieldset className="builder-fieldset">
          <legend>{o.selection}</legend>
          <div className="field">
            <label htmlFor="field-department">{o.department}</label>
            <select id="field-department" name="department" defaultValue={selection.department ?? ""}>
              <option value="">{o.allDepartments}</option>
              {departments.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <TextField
            name="addedSince"
            type="date"
            label={o.addedSince}
            hint={o.addedSinceHint}
            defaultValue={selection.addedSince ?? ""}
            error={invalidDate ? t.validation.date : undefined}
          />
          <div className="checkbox-field">
            <input type="checkbox" id="field-withoutPasswordOnly" name="withoutPasswordOnly" value="on" defaultChecked={selection.withoutPasswordOnly} />
            <label htmlFor="field-withoutPasswordOnly">{o.withoutPasswordOnly}</label>
          </div>
        </fieldset>
        <button type="submit" className="button-secondary">
          {o.preview}
        </button>
      </Form>
      {candidates ? (
        candidates.length === 0 ? (
          <p>{o.noneMatching}</p>
        ) : (
          <>
            <p role="status">{o.matching(candidates.length)}</p>
            <div className="table-scroll">
              <table>
                <caption>{o.candidatesCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{o.employeeNumber}</th>
                    <th scope="col">{o.name}</th>
                    <th scope="col">{o.unit}</th>
                    <th scope="col">{o.note}</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((person) => (
                    <tr key={person.employeeNumber}>
                      <td>{person.employeeNumber}</td>
                      <td>{person.name}</td>
                      <td>{person.unit}</td>
                      <td>
                        <RefusalNote refusal={person.refusal} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {issuable > 0 ? (
              <Form method="post">
                <input type="hidden" name="department" value={selection.department ?? ""} />
                <input type="hidden" name="addedSince" value={selection.addedSince ?? ""} />
                {selection.withoutPasswordOnly ? <input type="hidden" name="withoutPasswordOnly" value="on" /> : null}
                {mailConfigured ? (
                  <div className="checkbox-field">
                    <input type="checkbox" id="field-sendEmail" name="sendEmail" value="on" />
                    <label htmlFor="field-sendEmail">{o.sendEmail}</label>
                  </div>
                ) : (
                  <p>{o.emailOff}</p>
                )}
                <button type="submit" className="button-primary">
                  {o.issue(issuable)}
                </button>
              </Form>
            ) : null}
          </>
        )
      ) : null}
    </>
  );
}
