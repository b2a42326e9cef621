import "~/i18n/area/roster.client";
import "~/i18n/area/validation.client";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { FieldChange, ReferenceChoice, RosterReference, StaffValues } from "~/domain/roster";
import { useLocale, useT } from "~/i18n/use-t";
import { StaffTable } from "./staff-table";

export interface ImportPreviewData {
  /** Posted back on confirm, so the file is not uploaded twice. */
  csvText: string;
  deactivateMissing: boolean;
  reference: RosterReference;
  added: readonly Pick<StaffValues, "employeeNumber" | "name" | "departmentPath" | "jobLevelCode" | "role">[];
  changed: readonly (Pick<StaffValues, "employeeNumber" | "name"> & { changes: readonly FieldChange[] })[];
  deactivated: readonly Pick<StaffValues, "employeeNumber" | "name" | "departmentPath">[];
  unchangedCount: number;
}

function choiceName(choices: readonly ReferenceChoice[], code: string, locale: "ja" | "en"): string {
  const choice = choices.find((candidate) => candidate.code === code);
  if (!choice) return code;
  return locale === "ja" ? choice.nameJa : choice.nameEn;
}

function useChangeFormatter(reference: RosterReference) {
  const t = useT();
  const locale = useLocale();
  return (change: FieldChange, side: "before" | "after"): string => {
    switch (change.field) {
      case "jobLevelCode":
        return choiceName(reference.jobLevels, change[side], locale);
      case "employmentTypeCode":
        return choiceName(reference.employmentTypes, change[side], locale);
      case "role":
        return t.roster.roles[change[side]];
      case "active":
        return change[side] ? t.roster.active : t.roster.inactive;
      default: {
        const value = change[side];
        return value === null || value === "" ? t.roster.empty : String(value);
      }
    }
  };
}

function BadgedCaption({ badgeClass, badge, text }: { badgeClass: string; badge: string; text: string }) {
  return (
    <>
      <span className={`badge ${badgeClass}`}>{badge}</span> {text}
    </>
  );
}

/** What an import would do, shown before anything is written; confirming applies it. */
export function ImportPreview({ preview }: { preview: ImportPreviewData }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const formatChange = useChangeFormatter(preview.reference);
  const nothingToChange = preview.added.length + preview.changed.length + preview.deactivated.length === 0;
  return (
    <>
      <h2>{t.roster.previewTitle}</h2>
      <p className="notice" role="status">
        {t.roster.previewSummary(preview.added.length, preview.changed.length, preview.deactivated.length, preview.unchangedCount)}{" "}
        {nothingToChange ? t.roster.nothingToChange : t.roster.previewNotYet}
      </p>

      {preview.added.length > 0 ? (
        <StaffTable
          caption={<BadgedCaption badgeClass="badge-added" badge={t.roster.addedBadge} text={t.roster.addedCaption(preview.added.length)} />}
          people={preview.added}
          columns={[
            { heading: t.roster.fields.departmentPath, cell: (person) => person.departmentPath },
            { heading: t.roster.fields.jobLevelCode, cell: (person) => choiceName(preview.reference.jobLevels, person.jobLevelCode, locale) },
            { heading: t.roster.fields.role, cell: (person) => t.roster.roles[person.role] },
          ]}
        />
      ) : null}

      {preview.changed.length > 0 ? (
        <StaffTable
          caption={
            <BadgedCaption badgeClass="badge-changed" badge={t.roster.changedBadge} text={t.roster.changedCaption(preview.changed.length)} />
          }
          people={preview.changed}
          columns={[
            {
              heading: t.roster.changesColumn,
              cell: (person) => (
                <ul>
                  {person.changes.map((change) => (
                    <li key={change.field}>
                      {t.roster.fieldChange(t.roster.fields[change.field], formatChange(change, "before"), formatChange(change, "after"))}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}

      {preview.deactivated.length > 0 ? (
        <StaffTable
          caption={
            <BadgedCaption
              badgeClass="badge-removed"
              badge={t.roster.deactivatedBadge}
              text={t.roster.deactivatedCaption(preview.deactivated.length)}
            />
          }
          people={preview.deactivated}
          columns={[{ heading: t.roster.fields.departmentPath, cell: (person) => person.departmentPath }]}
        />
      ) : null}

      <div className="toolbar">
        {nothingToChange ? null : (
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="csvText" value={preview.csvText} />
            {preview.deactivateMissing ? <input type="hidden" name="deactivateMissing" value="on" /> : null}
            <button type="submit" className="button-primary" disabled={navigation.state === "submitting"}>
              {t.roster.confirm}
            </button>
          </Form>
        )}
        <Link to="/roster/import" className="button-secondary">
          {t.roster.chooseAnother}
        </Link>
      </div>
    </>
  );
}
