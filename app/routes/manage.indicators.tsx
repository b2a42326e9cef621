import "~/i18n/area/indicators.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { IndicatorTable, indicatorYears } from "~/components/results/indicators";
import { INDICATOR_UNITS } from "~/domain/indicators";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { IndicatorError, defineIndicator, listIndicators, recordIndicatorValue } from "~/models/indicators.server";
import { indicatorFormSchema } from "~/schemas/indicators.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.indicators.title);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  return json({ indicators: await listIndicators(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const parsed = parseForm(indicatorFormSchema, await request.formData(), t);
  if (!parsed.ok) return formError(parsed);
  const actor = { id: user.id, label: user.employeeNumber };
  const data = parsed.data;
  try {
    if (data.intent === "define") {
      await defineIndicator(getDb(), actor, {
        code: data.code,
        name_ja: data.nameJa,
        name_en: data.nameEn,
        unit: data.unit,
        targetMilli: data.target ?? null,
        targetFiscalYear: data.targetFiscalYear ?? null,
        higherIsBetter: data.direction === "higher",
      });
    } else {
      await recordIndicatorValue(getDb(), actor, { code: data.code, fiscalYear: data.fiscalYear, valueMilli: data.value, source: data.source });
    }
  } catch (error) {
    if (!(error instanceof IndicatorError)) throw error;
    const errors: Record<string, string> = { code: t.indicators.errors[error.reason] };
    return json({ ok: false as const, errors, values: { intent: data.intent } as Record<string, string> }, { status: 400 });
  }
  return redirect(`/manage/indicators?saved=${data.intent}`);
}

export default function IndicatorsPage() {
  const t = useT();
  const locale = useLocale();
  const i = t.indicators;
  const { indicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const saved = params.get("saved");
  const intent = actionData?.values?.intent;
  const errorsFor = (form: string) => (intent === form ? actionData?.errors : undefined);
  const valueOf = (form: string, name: string) => (intent === form ? actionData?.values?.[name] : undefined);
  return (
    <>
      <h1>{i.title}</h1>
      {saved && !actionData ? (
        <p className="notice" role="status">
          {saved === "define" ? i.defined : i.recorded}
        </p>
      ) : null}
      <p>{i.intro}</p>
      <IndicatorTable indicators={indicators} years={indicatorYears(indicators)} />

      <section aria-labelledby="record-heading">
        <h2 id="record-heading">{i.recordHeading}</h2>
        <ErrorSummary errors={errorsFor("record")} labels={i.fields} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="record" />
          <div className="field">
            <label htmlFor="record-code">{i.fields.code}</label>
            <select id="record-code" name="code" defaultValue={valueOf("record", "code")}>
              {indicators.map((row) => (
                <option key={row.code} value={row.code}>
                  {locale === "ja" ? row.name_ja : row.name_en}
                </option>
              ))}
            </select>
          </div>
          <TextField name="fiscalYear" label={i.fields.fiscalYear} inputMode="numeric" required error={errorsFor("record")?.fiscalYear} defaultValue={valueOf("record", "fiscalYear")} />
          <TextField name="value" label={i.fields.value} inputMode="decimal" required error={errorsFor("record")?.value} defaultValue={valueOf("record", "value")} />
          <TextField name="source" label={i.fields.source} required maxLength={200} error={errorsFor("record")?.source} defaultValue={valueOf("record", "source")} />
          <button type="submit">{i.record}</button>
        </Form>
      </section>

      <section aria-labelledby="define-heading">
        <h2 id="define-heading">{i.defineHeading}</h2>
        <ErrorSummary errors={errorsFor("define")} labels={i.fields} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="define" />
          <TextField name="code" label={i.fields.code} hint={i.codeHint} required error={errorsFor("define")?.code} defaultValue={valueOf("define", "code")} />
          <TextField name="nameJa" label={i.fields.nameJa} required lang="ja" error={errorsFor("define")?.nameJa} defaultValue={valueOf("define", "nameJa")} />
          <TextField name="nameEn" label={i.fields.nameEn} required lang="en" error={errorsFor("define")?.nameEn} defaultValue={valueOf("define", "nameEn")} />
          <div className="field">
            <label htmlFor="define-unit">{i.fields.unit}</label>
            <select id="define-unit" name="unit" defaultValue={valueOf("define", "unit")}>
              {INDICATOR_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {i.unitNames[unit]}
                </option>
              ))}
            </select>
          </div>
          <TextField name="target" label={i.fields.target} hint={i.targetHint} inputMode="decimal" error={errorsFor("define")?.target} defaultValue={valueOf("define", "target")} />
          <TextField name="targetFiscalYear" label={i.fields.targetFiscalYear} inputMode="numeric" error={errorsFor("define")?.targetFiscalYear} defaultValue={valueOf("define", "targetFiscalYear")} />
          <div className="field">
            <label htmlFor="define-direction">{i.fields.direction}</label>
            <select id="define-direction" name="direction" defaultValue={valueOf("define", "direction")}>
              <option value="higher">{i.directions.higher}</option>
              <option value="lower">{i.directions.lower}</option>
            </select>
          </div>
          <button type="submit">{i.define}</button>
        </Form>
      </section>
    </>
  );
}
