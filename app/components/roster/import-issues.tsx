import "~/i18n/area/roster.client";
import "~/i18n/area/validation.client";
import type { LocalisedIssue } from "~/domain/roster";
import { useT } from "~/i18n/use-t";

/** Why a roster file was refused, a row per problem. */
export function ImportIssues({ issues }: { issues: readonly LocalisedIssue[] }) {
  const t = useT();
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>{t.roster.issuesTitle(issues.length)}</p>
      <div className="table-scroll">
        <table>
          <caption>{t.roster.issuesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.roster.issueLineColumn}</th>
              <th scope="col">{t.roster.issueColumnColumn}</th>
              <th scope="col">{t.roster.issueReasonColumn}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              // The same cell can have several problems, so position alone is not a key.
              <tr key={`${issue.line}-${issue.column}-${index}`}>
                <td className="num">{issue.line ?? t.roster.wholeFile}</td>
                <td>{issue.column ?? ""}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
