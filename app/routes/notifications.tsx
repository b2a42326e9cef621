import "~/i18n/area/notifications.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { listNotifications, markAllNotificationsRead } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.notifications.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ notifications: await listNotifications(getDb(), user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllNotificationsRead(getDb(), user.id);
  return redirect("/notifications");
}

export default function Notifications() {
  const t = useT();
  const n = t.notifications;
  const locale = useLocale();
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((item) => item.readAt === null).length;
  return (
    <>
      <h1>{n.title}</h1>
      <p>{n.intro}</p>
      <p>
        <Link to="/settings/notifications">{n.settingsLink}</Link>
      </p>
      {notifications.length === 0 ? (
        <p>{n.none}</p>
      ) : (
        <>
          {unread > 0 ? (
            <Form method="post">
              <button type="submit" className="button-secondary">
                {n.markAllRead}
              </button>
            </Form>
          ) : null}
          <ul className="notification-list" aria-label={n.listCaption}>
            {notifications.map((item) => (
              <li key={item.id} className={item.readAt === null ? "notification notification-unread" : "notification"}>
                {item.readAt === null ? <span className="badge badge-changed">{n.unread}</span> : null}{" "}
                <Link to={item.href}>{locale === "ja" ? item.textJa : item.textEn}</Link>{" "}
                <span className="task-when">{formatDateTime(item.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
