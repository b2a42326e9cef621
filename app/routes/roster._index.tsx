import "~/i18n/area/common.client";
import "~/i18n/area/roster.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StaffTable } from "~/components/roster/staff-table";
import { useLocale, useT } from "~/i18n/use-t";
import { listDepartments, searchStaff } from "~/models/roster.server";
import { STAFF_PAGE_SIZE, staffSearchSchema } from "~/schemas/roster.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.roster.title);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const url = new URL(request.url);
  const search = staffSearchSchema.parse(Object.fromEntries(url.searchParams));
  const db = getDb();
  const [result, departments] = await Promise.all([
    searchStaff(db, {
      query: search.q,
      departmentId: search.department,
      status: search.status,
      page: search.page,
      pageSize: STAFF_PAGE_SIZE,
    }),
    listDepartments(db),
  ]);
  const lastPage = Math.max(1, Math.ceil(result.total / STAFF_PAGE_SIZE));
  // A bookmarked page can outlive staff leaving; show the last page rather than an empty one.
  if (search.page > lastPage) {
    url.searchParams.set("page", String(lastPage));
    throw redirect(`${url.pathname}${url.search}`);
  }
  return json({ search, ...result, departments, pageSize: STAFF_PAGE_SIZE });
}

export default function RosterList() {
  const t = useT();
  const locale = useLocale();
  const { search, total, staff, departments, pageSize } = useLoaderData<typeof loader>();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (search.page - 1) * pageSize + 1;
  const to = Math.min(total, search.page * pageSize);
  const pageLink = (page: number) => {
    const params = new URLSearchParams({ q: search.q, status: search.status, page: String(page) });
    if (search.department !== undefined) params.set("department", String(search.department));
    return `?${params}`;
  };

  return (
    <>
      <h1>{t.roster.title}</h1>
      <p>
        <Link to="/roster/import">{t.roster.importLink}</Link>
      </p>
      <Form method="get" className="toolbar" role="search">
        <div className="field">
          <label htmlFor="roster-q">{t.roster.searchLabel}</label>
          <input id="roster-q" name="q" type="search" defaultValue={search.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="roster-department">{t.roster.departmentFilter}</label>
          <select id="roster-department" name="department" defaultValue={search.department ?? ""}>
            <option value="">{t.roster.allDepartments}</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.path}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="roster-status">{t.roster.statusFilter}</label>
          <select id="roster-status" name="status" defaultValue={search.status}>
            <option value="active">{t.roster.statusActive}</option>
            <option value="inactive">{t.roster.statusInactive}</option>
            <option value="all">{t.roster.statusAll}</option>
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {t.roster.search}
        </button>
      </Form>

      <StaffTable
        caption={t.roster.listCaption(total, from, to)}
        liveCaption
        people={staff}
        renderEmployeeNumber={(person) => (
          <Link to={`/roster/${encodeURIComponent(person.employeeNumber)}`}>{person.employeeNumber}</Link>
        )}
        renderName={(person) => (
          <>
            {person.name}
            <br />
            <small lang="ja">{person.nameKana}</small>
          </>
        )}
        columns={[
          { heading: t.roster.fields.departmentPath, cell: (person) => person.departmentPath },
          { heading: t.roster.fields.jobLevelCode, cell: (person) => (locale === "ja" ? person.jobLevelJa : person.jobLevelEn) },
          {
            heading: t.roster.fields.employmentTypeCode,
            cell: (person) => (locale === "ja" ? person.employmentTypeJa : person.employmentTypeEn),
          },
          { heading: t.roster.fields.role, cell: (person) => t.roster.roles[person.role] },
          { heading: t.roster.fields.active, cell: (person) => (person.active === 1 ? t.roster.active : t.roster.inactive) },
        ]}
      />
      {staff.length === 0 ? <p>{t.roster.noStaff}</p> : null}

      {pageCount > 1 ? (
        <nav aria-label={t.roster.pagination} className="toolbar">
          {search.page > 1 ? <Link to={pageLink(search.page - 1)}>{t.roster.previous}</Link> : null}
          <span aria-current="page">{t.roster.page(search.page, pageCount)}</span>
          {search.page < pageCount ? <Link to={pageLink(search.page + 1)}>{t.roster.next}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
