import "~/i18n/area/roster.client";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

export interface StaffColumn<Person> {
  heading: string;
  cell: (person: Person) => ReactNode;
}

interface StaffIdentity {
  employeeNumber: string;
  name: string;
}

interface StaffTableProps<Person extends StaffIdentity> {
  caption: ReactNode;
  /** For a caption that a search rewrites, so the new count is read out. */
  liveCaption?: boolean;
  people: readonly Person[];
  /** The columns after the employee number and the name. */
  columns: readonly StaffColumn<Person>[];
  renderEmployeeNumber?: (person: Person) => ReactNode;
  renderName?: (person: Person) => ReactNode;
}

/** A table of staff, one per row, each row headed by the person's name. */
export function StaffTable<Person extends StaffIdentity>({
  caption,
  liveCaption = false,
  people,
  columns,
  renderEmployeeNumber = (person) => person.employeeNumber,
  renderName = (person) => person.name,
}: StaffTableProps<Person>) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table>
        <caption aria-live={liveCaption ? "polite" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.roster.fields.employeeNumber}</th>
            <th scope="col">{t.roster.fields.name}</th>
            {columns.map((column) => (
              <th scope="col" key={column.heading}>
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.employeeNumber}>
              <td>{renderEmployeeNumber(person)}</td>
              <th scope="row">{renderName(person)}</th>
              {columns.map((column) => (
                <td key={column.heading}>{column.cell(person)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
